namespace CampaignFlow.Rules.Rete;

/// <summary>
/// What a beta node remembers about one partial match arriving on its left. A not or exists node that only counts
/// facts needs no more; nodes that keep pairs use <see cref="PairedLeftEntry"/>.
/// </summary>
internal class LeftEntry(int nodeId, Token token) : NodeEntry(nodeId)
{
    public readonly Token Token = token;
    /// <summary>The id of the bucket the entry is filed in, in its node's <see cref="BetaMemory"/>.</summary>
    public int Bucket;
    public int PairCount;

    /// <summary>Whether the node currently passes this token on (not and exists nodes).</summary>
    public bool Emitted;

    /// <summary>Whether a batch changed the entry's pairs and it waits to settle once the batch is in.</summary>
    public bool Touched;

    /// <summary>Marks the entry as changed by the batch being taken in, listing it the first time.</summary>
    public void Touch(List<LeftEntry> touched)
    {
        if (!Touched)
        {
            Touched = true;
            touched.Add(this);
        }
    }
}
