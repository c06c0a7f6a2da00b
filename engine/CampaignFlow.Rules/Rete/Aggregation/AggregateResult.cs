namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>
/// One result of an aggregator and the token through which it was passed on. The result is itself the fact
/// the token carries (its <see cref="Fact.Value"/> is the aggregate's value), to spare an object per result.
/// </summary>
internal class AggregateResult() : Fact(null!)
{
    public bool HasValue;
    public bool Changed;
    public Token? Child;
}
