namespace CampaignFlow.Rules.Rete;

/// <summary>A node entry filed in one bucket of a beta node's index.</summary>
internal abstract class IndexEntry(int nodeId) : NodeEntry(nodeId)
{
    /// <summary>The id of the bucket the entry is filed in, in its node's <see cref="BetaMemory"/>.</summary>
    public int Bucket;
}
