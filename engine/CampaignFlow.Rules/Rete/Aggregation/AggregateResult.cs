namespace CampaignFlow.Rules.Rete.Aggregation;

/// <summary>One result of an aggregator and the token through which it was passed on.</summary>
internal class AggregateResult
{
    public object? Value;
    public bool HasValue;
    public bool Changed;
    public Fact? Fact;
    public Token? Child;
}
