namespace CampaignFlow.Rules.Rete;

/// <summary>A node entry filed in one bucket of a beta node's index.</summary>
internal abstract class IndexEntry(int nodeId) : NodeEntry(nodeId)
{
    public Bucket Bucket = null!;
}
