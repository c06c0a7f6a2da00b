namespace CampaignFlow.Rules.Rete;

/// <summary>What a beta node remembers about one partial match arriving on its left.</summary>
internal sealed class LeftEntry(int nodeId, Token token) : NodeEntry(nodeId)
{
    public readonly Token Token = token;
    public Bucket Bucket = null!;
    public Pairing? Pairs;
    public int PairCount;
    public Pairing? Scratch;

    /// <summary>Whether the node currently passes this token on (not and exists nodes).</summary>
    public bool Emitted;

    /// <summary>The aggregator of an aggregate node.</summary>
    public object? State;
}
