namespace CampaignFlow.Rules.Rete;

/// <summary>What a beta node remembers about one fact arriving on its right.</summary>
internal sealed class RightEntry(int nodeId, Fact fact) : NodeEntry(nodeId)
{
    public readonly Fact Fact = fact;
    public Bucket Bucket = null!;
    public int Slot;
    public Pairing? Pairs;
    public Pairing? Scratch;
}
