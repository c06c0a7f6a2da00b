namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>Collects the paired facts; matches even when there are none.</summary>
internal sealed class CollectAggregator<TElement> : Aggregator
{
    private readonly FactCollection<TElement> collection = new() { Changed = true, HasValue = true };

    public CollectAggregator() => collection.Value = collection;

    public override IEnumerable<AggregateResult> Results => [collection];

    public override Aggregator CreateEmpty() => new CollectAggregator<TElement>();

    public override void Add(AggregatePairing pair, object element)
    {
        collection.Add(pair);
        collection.Changed = true;
    }

    public override void Modify(AggregatePairing pair, object element) => collection.Changed = true;

    public override void Remove(AggregatePairing pair, object element)
    {
        collection.Remove(pair);
        collection.Changed = true;
    }

    public override void TakeChanged(List<AggregateResult> changed)
    {
        if (collection.Changed)
        {
            collection.Changed = false;
            changed.Add(collection);
        }
    }
}
