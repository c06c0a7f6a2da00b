namespace CampaignFlow.Rules.Rete;

/// <summary>What a beta node that keeps pairs remembers about one fact arriving on its right.</summary>
/// <remarks>
/// An object of its own, chained on the fact, rather than fields of every <see cref="Rete.Fact"/>: most facts of a
/// large session reach no node that keeps pairs (start nodes, group-by start nodes and counting negations keep
/// what they know by fact id), and 32 bytes on every fact cost more than an entry on the few that do.
/// </remarks>
internal sealed class RightEntry(int nodeId, Fact fact) : NodeEntry(nodeId)
{
    public readonly Fact Fact = fact;

    /// <summary>The id of the bucket the entry is filed in, in its node's <see cref="BetaMemory"/>.</summary>
    public int Bucket;

    public Pairing? Pairs;
}
