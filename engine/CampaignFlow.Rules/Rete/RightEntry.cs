namespace CampaignFlow.Rules.Rete;

/// <summary>
/// What a beta node remembers about one fact arriving on its right. A <see cref="Rete.Fact"/> is itself the entry
/// of the first beta node it reaches (<see cref="Rete.Fact.Claim"/>), which spares an object per fact.
/// </summary>
internal class RightEntry(int nodeId, Fact? fact) : NodeEntry(nodeId)
{
    public Fact Fact = fact!;
    public Bucket Bucket = null!;
    public int Slot;
    public Pairing? Pairs;
    public Pairing? Scratch;
}
