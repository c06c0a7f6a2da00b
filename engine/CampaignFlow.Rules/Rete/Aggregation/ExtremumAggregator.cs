namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>The least or greatest value of a selector, kept in a sorted multiset so removals need no rescan.</summary>
internal sealed class ExtremumAggregator<TValue>(Func<object, TValue> selector, bool greatest) : SingleResultAggregator
    where TValue : notnull
{
    private readonly SortedList<TValue, int> _counts = [];

    public override Aggregator CreateEmpty() => new ExtremumAggregator<TValue>(selector, greatest);

    public override void Add(AggregatePairing pair, object element)
    {
        var value = selector(element);
        pair.State = value;
        _counts[value] = _counts.TryGetValue(value, out var n) ? n + 1 : 1;
        Touch();
    }

    public override void Modify(AggregatePairing pair, object element)
    {
        Remove(pair, element);
        Add(pair, element);
    }

    public override void Remove(AggregatePairing pair, object element)
    {
        var value = (TValue)pair.State!;
        var n = _counts[value];
        if (n == 1)
        {
            _counts.Remove(value);
        }
        else
        {
            _counts[value] = n - 1;
        }

        Touch();
    }

    protected override void Refresh(AggregateResult result)
    {
        result.HasValue = _counts.Count > 0;
        result.Value = result.HasValue ? (greatest ? _counts.Keys[^1] : _counts.Keys[0]) : null!;
    }
}
