namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>Collects the paired facts; matches even when there are none.</summary>
internal sealed class CollectAggregator<TElement> : Aggregator
{
    private readonly FactCollection<TElement> _collection = new() { Changed = true, HasValue = true };

    public CollectAggregator() => _collection.Value = _collection;

    public override IEnumerable<AggregateResult> Results => [_collection];

    public override Aggregator CreateEmpty() => new CollectAggregator<TElement>();

    public override void Add(AggregatePairing pair, object element)
    {
        _collection.Add(pair);
        _collection.Changed = true;
    }

    public override void Modify(AggregatePairing pair, object element) => _collection.Changed = true;

    public override void Remove(AggregatePairing pair, object element)
    {
        _collection.Remove(pair);
        _collection.Changed = true;
    }

    public override void TakeChanged(List<AggregateResult> changed)
    {
        if (_collection.Changed)
        {
            _collection.Changed = false;
            changed.Add(_collection);
        }
    }
}
