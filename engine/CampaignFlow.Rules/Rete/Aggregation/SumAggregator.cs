using System.Numerics;

namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>Sums a numeric selector; each pair remembers its contribution so a change or removal subtracts exactly that.</summary>
internal sealed class SumAggregator<TValue>(Func<object, TValue> selector) : SingleResultAggregator
    where TValue : INumber<TValue>
{
    private TValue _sum = TValue.Zero;

    public override Aggregator CreateEmpty() => new SumAggregator<TValue>(selector);

    public override void Add(AggregatePairing pair, object element)
    {
        var value = selector(element);
        pair.State = value;
        _sum += value;
        Touch();
    }

    public override void Modify(AggregatePairing pair, object element)
    {
        var old = (TValue)pair.State!;
        var value = selector(element);
        if (old != value)
        {
            pair.State = value;
            _sum = _sum - old + value;
            Touch();
        }
    }

    public override void Remove(AggregatePairing pair, object element)
    {
        _sum -= (TValue)pair.State!;
        Touch();
    }

    protected override void Refresh(AggregateResult result)
    {
        result.Value = _sum;
        result.HasValue = true;
    }
}
