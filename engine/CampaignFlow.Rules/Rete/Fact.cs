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

    public object Value;

    public Fact(object value)
        : base(Unclaimed)
    {
        Value = value;
    }

    public NodeEntry? Entries;

    /// <summary>The alpha memories (by ordinal) that hold this fact.</summary>
    public ulong AlphaMemories;

    public bool IsAlive;

    /// <summary>Whether the node the fact serves as entry for only counts facts (see <see cref="Claim"/>).</summary>
    private bool _claimedToCount;

    /// <summary>1 + the slot of the next fact in the session's <see cref="Runtime.FactTable"/> chain, 0 at its end.</summary>
    public int NextInTable { get; set; }

    ObjectIdentity IKeyedItem<ObjectIdentity>.Key => new(Value);

    protected sealed override Fact OwnFact() => this;

    /// <summary>The activation that yielded this fact, for linked facts; null for facts the caller inserted.</summary>
    public virtual Activation? Source => null;

    /// <summary>Which of its activation's yields this fact is.</summary>
    public virtual int SourceSlot => 0;

    /// <summary>The entry for a beta node: the fact itself if no node uses it yet, a new entry otherwise.</summary>
    /// <remarks>
    /// A node that only counts facts needs just its bucket, so it hands the fact over for a small entry: the
    /// larger entry of a node that keeps pairs is the one worth sparing.
    /// </remarks>
    public RightEntry Claim(int nodeId)
    {
        if (NodeId != Unclaimed)
        {
            if (!_claimedToCount)
            {
                return new SharedRightEntry(nodeId, this);
            }

            var counted = new CountedEntry(NodeId) { Bucket = Bucket };
            NodeEntry.Replace(ref Entries, this, counted);
            _claimedToCount = false;
        }

        NodeId = nodeId;
        return this;
    }

    /// <summary>The entry for a node that only counts facts: the fact itself if no node uses it yet, a small entry otherwise.</summary>
    public IndexEntry ClaimCounted(int nodeId)
    {
        if (NodeId != Unclaimed)
        {
            return new CountedEntry(nodeId);
        }

        NodeId = nodeId;
        _claimedToCount = true;
        return this;
    }

    /// <summary>Called when a beta node lets go of an entry, so that the fact can serve as an entry again.</summary>
    public void Release(IndexEntry entry)
    {
        if (entry == this)
        {
            NodeId = Unclaimed;
            _claimedToCount = false;
            Pairs = null;
        }
    }
}
