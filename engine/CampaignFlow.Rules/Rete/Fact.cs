using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A fact as the network sees it: the user's object plus the session's bookkeeping about it.</summary>
internal class Fact : RightEntry
{
    private const int Unclaimed = -1;

    public object Value;

    public Fact(object value)
        : base(Unclaimed, null)
    {
        Value = value;
        Fact = this;
    }
    public NodeEntry? Entries;

    /// <summary>The alpha memories (by ordinal) that hold this fact.</summary>
    public ulong AlphaMemories;

    /// <summary>The activation that yielded this fact, for linked facts; null for facts the caller inserted.</summary>
    public Activation? Source;
    public int SourceSlot;
    public bool IsAlive;

    /// <summary>The entry for a beta node: the fact itself if no node uses it yet, a new entry otherwise.</summary>
    public RightEntry Claim(int nodeId)
    {
        if (NodeId != Unclaimed)
        {
            return new RightEntry(nodeId, this);
        }

        NodeId = nodeId;
        return this;
    }

    /// <summary>Called when a beta node lets go of an entry, so that the fact can serve as an entry again.</summary>
    public void Release(RightEntry entry)
    {
        if (entry == this)
        {
            NodeId = Unclaimed;
            Pairs = null;
            Scratch = null;
            Bucket = null!;
        }
    }
}
