namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The tokens and facts of one beta node that share a join key. Only members of one bucket are ever
/// tested against each other, which is what keeps equality joins from scanning the other side.
/// </summary>
/// <remarks>
/// A session holds one bucket per key per node, hundreds of thousands in a large session, and most hold one token
/// and one or two facts. So a bucket is a struct in its memory's array (<see cref="BetaMemory"/>), addressed by its
/// index, not an object of its own: the garbage collector never copies or marks it apart from the array. Each side
/// is one field: its only member while it has had one, an array of all its members once it had two (24 bytes a
/// bucket, where a field for the first member and another for an array of the rest took 40).
/// </remarks>
internal struct Bucket
{
    private object? _lefts;
    private object? _rights;

    public int LeftCount { get; private set; }

    public int RightCount { get; private set; }

    public readonly bool IsEmpty => LeftCount == 0 && RightCount == 0;

    public readonly Token LeftAt(int index) => _lefts as Token ?? ((Token[])_lefts!)[index];

    public readonly RightEntry RightAt(int index) => _rights as RightEntry ?? ((RightEntry[])_rights!)[index];

    /// <summary>Files a token; its place among the bucket's tokens is kept by its node (<see cref="LeftState.Slot"/>).</summary>
    /// <returns>The token's place.</returns>
    public int Add(Token token)
    {
        _lefts = Put(_lefts, LeftCount, token);
        return LeftCount++;
    }

    public void Add(RightEntry entry)
    {
        entry.Slot = RightCount;
        _rights = Put(_rights, RightCount++, entry);
    }

    /// <summary>Counts a fact without keeping it, for nodes that only need to know how many facts share the key.</summary>
    public void AddCounted() => RightCount++;

    public void RemoveCounted() => RightCount--;

    /// <summary>Takes out the token at <paramref name="slot"/>; the last token moves there.</summary>
    /// <returns>The token that moved to <paramref name="slot"/>, whose node must note its new place; null if none did.</returns>
    public Token? RemoveLeftAt(int slot)
    {
        var last = LeftAt(--LeftCount);
        _lefts = Take(_lefts, slot, LeftCount);
        return slot == LeftCount ? null : last;
    }

    public void Remove(RightEntry entry)
    {
        var last = RightAt(--RightCount);
        _rights = Take(_rights, entry.Slot, RightCount);
        last.Slot = entry.Slot;
    }

    /// <summary>Puts <paramref name="member"/> at <paramref name="count"/>, the end of a side.</summary>
    private static object Put<T>(object? side, int count, T member)
        where T : class
    {
        if (side is not T[] all)
        {
            if (count == 0)
            {
                return member;
            }

            all = new T[2];
            all[0] = (T)side!;
        }
        else if (count == all.Length)
        {
            Array.Resize(ref all, count * 2);
        }

        all[count] = member;
        return all;
    }

    /// <summary>Moves the member at <paramref name="last"/> to <paramref name="slot"/>, emptying the last place.</summary>
    private static object? Take(object? side, int slot, int last)
    {
        if (side is not object[] all)
        {
            return null;
        }

        all[slot] = all[last];
        all[last] = null!;
        return all;
    }
}
