using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A fact as the network sees it: the user's object plus the session's bookkeeping about it.</summary>
/// <remarks>
/// A session holds one per fact, so it carries only what every fact needs: a yielded fact's source is in
/// <see cref="LinkedFact"/>, and as its own first beta-node entry it is its own <see cref="RightEntry.Fact"/>.
/// </remarks>
internal class Fact : RightEntry, IKeyedItem<ObjectIdentity>
{
    private const int Unclaimed = -1;
    private const int NotInSession = -1;

    public object Value;

    public Fact(object value)
        : base(Unclaimed)
    {
        Value = value;
    }

    public NodeEntry? Entries;

    /// <summary>The alpha memories (by ordinal) that hold this fact.</summary>
    public ulong AlphaMemories;

    /// <summary>1 + the slot of the next fact in the session's <see cref="Runtime.FactTable"/> chain, 0 at its end.</summary>
    public int NextInTable { get; set; }

    /// <summary>
    /// The fact's slot in the session's <see cref="Runtime.FactTable"/>: a small integer, unique among the session's live
    /// facts, by which nodes keep what they know of the fact in arrays instead of objects. Negative once retracted
    /// (and for aggregate results, which are no session's facts).
    /// </summary>
    public int Id { get; set; } = NotInSession;

    public bool IsAlive => Id >= 0;

    ObjectIdentity IKeyedItem<ObjectIdentity>.Key => new(Value);

    protected sealed override Fact OwnFact() => this;

    /// <summary>The activation that yielded this fact, for linked facts; null for facts the caller inserted.</summary>
    public virtual Activation? Source => null;

    /// <summary>Which of its activation's yields this fact is.</summary>
    public virtual int SourceSlot => 0;

    /// <summary>Marks the fact retracted, once every node has let go of it.</summary>
    public void Die() => Id = NotInSession;

    /// <summary>The entry for a beta node: the fact itself if no node uses it yet, a new entry otherwise.</summary>
    public RightEntry Claim(int nodeId)
    {
        if (NodeId != Unclaimed)
        {
            return new SharedRightEntry(nodeId, this);
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
        }
    }
}
