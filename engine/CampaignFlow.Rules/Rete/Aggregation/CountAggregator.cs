namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>Counts the paired facts.</summary>
internal sealed class CountAggregator : SingleResultAggregator
{
    private int _count;

    public override Aggregator CreateEmpty() => new CountAggregator();

    public override void Add(AggregatePairing pair, object element)
    {
        _count++;
        Touch();
    }

    public override void Modify(AggregatePairing pair, object element)
    {
    }

    public override void Remove(AggregatePairing pair, object element)
    {
        _count--;
        Touch();
    }

    protected override void Refresh(AggregateResult result)
    {
        result.Value = _count;
        result.HasValue = true;
    }
}
