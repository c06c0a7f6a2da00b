namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The tokens and facts of one beta node that share a join key. Only members of one bucket are ever
/// tested against each other, which is what keeps equality joins from scanning the other side.
/// </summary>
/// <remarks>
/// A session holds one bucket per key per node, hundreds of thousands in a large session, and most hold one token
/// and one or two facts. So a bucket is a struct in its memory's array (<see cref="BetaMemory"/>), addressed by its
/// index, not an object of its own: the garbage collector never copies or marks it apart from the array. The tokens
/// are one field, the only token while it has had one, an array of all of them once it had two; the facts are the
/// first of a ring of rows in the memory's pages (<see cref="RightRow"/>): 24 bytes a bucket.
/// </remarks>
internal struct Bucket
{
    private object? _lefts;

    public int LeftCount { get; private set; }

    /// <summary>The facts on the right: counted (<see cref="CountingExistenceNode"/>) or filed as rows.</summary>
    public int RightCount { get; private set; }

    /// <summary>
    /// 1 + the row of the first fact filed on the right (nodes that keep pairs), 0 when none: the bucket's rows are a
    /// ring through their <see cref="RightRow"/>s, kept by the memory that owns both (<see cref="BetaMemory"/>).
    /// </summary>
    public int FirstRightLink;

    public readonly bool IsEmpty => LeftCount == 0 && RightCount == 0;

    public readonly Token LeftAt(int index) => _lefts as Token ?? ((Token[])_lefts!)[index];

    /// <summary>Files a token; its place among the bucket's tokens is kept by its node (<see cref="LeftState.Slot"/>).</summary>
    /// <returns>The token's place.</returns>
    public int Add(Token token)
    {
        _lefts = Put(_lefts, LeftCount, token);
        return LeftCount++;
    }

    /// <summary>Counts a fact on the right (the memory links a filed fact's row itself).</summary>
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

    /// <summary>Puts <paramref name="member"/> at <paramref name="count"/>, the end of the tokens.</summary>
    private static object Put(object? side, int count, Token member)
    {
        if (side is not Token[] all)
        {
            if (count == 0)
            {
                return member;
            }

            all = new Token[2];
            all[0] = (Token)side!;
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
        if (side is not Token[] all)
        {
            return null;
        }

        all[slot] = all[last];
        all[last] = null!;
        return all;
    }
}
