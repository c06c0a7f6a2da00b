namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The tokens and facts of one beta node that share a join key. Only members of one bucket are ever
/// tested against each other, which is what keeps equality joins from scanning the other side.
/// </summary>
/// <remarks>
/// A session holds one bucket per key per node, and most hold one token and one or two facts; so the first
/// member of each side lives in a field and only the others in an array, which keeps a bucket to one object.
/// </remarks>
internal class Bucket
{
    private LeftEntry? firstLeft;
    private LeftEntry[]? otherLefts;
    private RightEntry? firstRight;
    private RightEntry[]? otherRights;

    public int LeftCount { get; private set; }

    public int RightCount { get; private set; }

    public bool IsEmpty => LeftCount == 0 && RightCount == 0;

    public LeftEntry LeftAt(int index) => index == 0 ? firstLeft! : otherLefts![index - 1];

    public RightEntry RightAt(int index) => index == 0 ? firstRight! : otherRights![index - 1];

    public void Add(LeftEntry entry)
    {
        entry.Bucket = this;
        entry.Slot = LeftCount;
        SetLeft(LeftCount++, entry);
    }

    public void Add(RightEntry entry)
    {
        entry.Bucket = this;
        entry.Slot = RightCount;
        SetRight(RightCount++, entry);
    }

    /// <summary>Counts a fact without keeping it, for nodes that only need to know how many facts share the key.</summary>
    public void AddCounted(IndexEntry entry)
    {
        entry.Bucket = this;
        RightCount++;
    }

    public void RemoveCounted() => RightCount--;

    public void Remove(LeftEntry entry)
    {
        var last = LeftAt(--LeftCount);
        SetLeft(entry.Slot, last);
        last.Slot = entry.Slot;
        SetLeft(LeftCount, null);
    }

    public void Remove(RightEntry entry)
    {
        var last = RightAt(--RightCount);
        SetRight(entry.Slot, last);
        last.Slot = entry.Slot;
        SetRight(RightCount, null);
    }

    private void SetLeft(int index, LeftEntry? entry)
    {
        if (index == 0)
        {
            firstLeft = entry;
            return;
        }

        if (otherLefts is null || index > otherLefts.Length)
        {
            Array.Resize(ref otherLefts, Math.Max(2, index * 2));
        }

        otherLefts[index - 1] = entry!;
    }

    private void SetRight(int index, RightEntry? entry)
    {
        if (index == 0)
        {
            firstRight = entry;
            return;
        }

        if (otherRights is null || index > otherRights.Length)
        {
            Array.Resize(ref otherRights, Math.Max(2, index * 2));
        }

        otherRights[index - 1] = entry!;
    }
}
