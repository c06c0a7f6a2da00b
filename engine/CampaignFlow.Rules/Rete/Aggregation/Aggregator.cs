namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>
/// Maintains the aggregate of the facts paired with one partial match, incrementally: each fact's arrival,
/// change or departure adjusts the result without revisiting the other facts.
/// </summary>
internal abstract class Aggregator
{
    /// <summary>A fresh, empty aggregator of the same kind and selector; the compiled network keeps one as a prototype.</summary>
    public abstract Aggregator CreateEmpty();

    public abstract void Add(AggregatePairing pair, object element);

    public abstract void Modify(AggregatePairing pair, object element);

    public abstract void Remove(AggregatePairing pair, object element);

    /// <summary>Moves the results that changed since the last call into <paramref name="changed"/>.</summary>
    public abstract void TakeChanged(List<AggregateResult> changed);

    public abstract IEnumerable<AggregateResult> Results { get; }
}
