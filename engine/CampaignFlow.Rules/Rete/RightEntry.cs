namespace CampaignFlow.Rules.Rete;

/// <summary>
/// What a beta node remembers about one fact arriving on its right. A <see cref="Rete.Fact"/> is itself the entry
/// of the first beta node it reaches (<see cref="Rete.Fact.Claim"/>), which spares an object per fact;
/// the nodes after it get a <see cref="SharedRightEntry"/>.
/// </summary>
internal abstract class RightEntry(int nodeId) : NodeEntry(nodeId)
{
    /// <summary>The id of the bucket the entry is filed in, in its node's <see cref="BetaMemory"/>.</summary>
    public int Bucket;

    public Pairing? Pairs;

    public Fact Fact => OwnFact();

    protected abstract Fact OwnFact();
}
