namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The tokens and facts of one beta node that share a join key. Only members of one bucket are ever
/// tested against each other, which is what keeps equality joins from scanning the other side.
/// Plain arrays rather than lists: a session holds one bucket per key per node, most with one or two members.
/// </summary>
internal class Bucket
{
    public LeftEntry[] Lefts = [];
    public int LeftCount;
    public RightEntry[] Rights = [];
    public int RightCount;

    public bool IsEmpty => LeftCount == 0 && RightCount == 0;

    public void Add(LeftEntry entry)
    {
        if (LeftCount == Lefts.Length)
        {
            Array.Resize(ref Lefts, Math.Max(2, LeftCount * 2));
        }

        entry.Bucket = this;
        entry.Slot = LeftCount;
        Lefts[LeftCount++] = entry;
    }

    public void Add(RightEntry entry)
    {
        if (RightCount == Rights.Length)
        {
            Array.Resize(ref Rights, Math.Max(2, RightCount * 2));
        }

        entry.Bucket = this;
        entry.Slot = RightCount;
        Rights[RightCount++] = entry;
    }

    /// <summary>Counts a fact without keeping it, for nodes that only need to know how many facts share the key.</summary>
    public void AddCounted(RightEntry entry)
    {
        entry.Bucket = this;
        RightCount++;
    }

    public void RemoveCounted() => RightCount--;

    public void Remove(LeftEntry entry)
    {
        var last = Lefts[--LeftCount];
        Lefts[entry.Slot] = last;
        last.Slot = entry.Slot;
        Lefts[LeftCount] = null!;
    }

    public void Remove(RightEntry entry)
    {
        var last = Rights[--RightCount];
        Rights[entry.Slot] = last;
        last.Slot = entry.Slot;
        Rights[RightCount] = null!;
    }
}
