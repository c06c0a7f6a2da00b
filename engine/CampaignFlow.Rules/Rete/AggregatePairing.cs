namespace CampaignFlow.Rules.Rete;

/// <summary>A pair of an aggregate node: it also remembers the fact's contribution to the aggregate.</summary>
internal sealed class AggregatePairing(Token parent, Fact fact) : Pairing(parent, fact)
{
    /// <summary>What the aggregator remembers about the fact's contribution (its value, its group).</summary>
    public object? State;

    /// <summary>The pair's place in its aggregator's collection.</summary>
    public int Slot;
}
