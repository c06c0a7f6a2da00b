namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The tokens and facts of one beta node that share a join key. Only members of one bucket are ever
/// tested against each other, which is what keeps equality joins from scanning the other side.
/// </summary>
internal sealed class Bucket(object key)
{
    public readonly object Key = key;
    public readonly List<LeftEntry> Lefts = [];
    public readonly List<RightEntry> Rights = [];

    public bool IsEmpty => Lefts.Count == 0 && Rights.Count == 0;

    public void Add(LeftEntry entry)
    {
        entry.Bucket = this;
        entry.Slot = Lefts.Count;
        Lefts.Add(entry);
    }

    public void Add(RightEntry entry)
    {
        entry.Bucket = this;
        entry.Slot = Rights.Count;
        Rights.Add(entry);
    }

    public void Remove(LeftEntry entry)
    {
        var last = Lefts[^1];
        Lefts[entry.Slot] = last;
        last.Slot = entry.Slot;
        Lefts.RemoveAt(Lefts.Count - 1);
    }

    public void Remove(RightEntry entry)
    {
        var last = Rights[^1];
        Rights[entry.Slot] = last;
        last.Slot = entry.Slot;
        Rights.RemoveAt(Rights.Count - 1);
    }
}
