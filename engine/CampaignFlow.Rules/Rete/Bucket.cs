namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The tokens and facts of one beta node that share a join key. Only members of one bucket are ever
/// tested against each other, which is what keeps equality joins from scanning the other side.
/// </summary>
/// <remarks>
/// A session holds one bucket per key per node, hundreds of thousands in a large session, and most hold one token
/// and one or two facts. So a bucket is a struct in its memory's array (<see cref="BetaMemory"/>), addressed by its
/// index, not an object of its own: the garbage collector never copies or marks it apart from the array. The first
/// member of each side lives in a field and only the others in an array.
/// </remarks>
internal struct Bucket
{
    private Token? _firstLeft;
    private Token[]? _otherLefts;
    private RightEntry? _firstRight;
    private RightEntry[]? _otherRights;

    public int LeftCount { get; private set; }

    public int RightCount { get; private set; }

    public readonly bool IsEmpty => LeftCount == 0 && RightCount == 0;

    public readonly Token LeftAt(int index) => index == 0 ? _firstLeft! : _otherLefts![index - 1];

    public readonly RightEntry RightAt(int index) => index == 0 ? _firstRight! : _otherRights![index - 1];

    /// <summary>Files a token; its place among the bucket's tokens is kept by its node (<see cref="LeftState.Slot"/>).</summary>
    /// <returns>The token's place.</returns>
    public int Add(Token token)
    {
        SetLeft(LeftCount, token);
        return LeftCount++;
    }

    public void Add(RightEntry entry)
    {
        entry.Slot = RightCount;
        SetRight(RightCount++, entry);
    }

    /// <summary>Counts a fact without keeping it, for nodes that only need to know how many facts share the key.</summary>
    public void AddCounted() => RightCount++;

    public void RemoveCounted() => RightCount--;

    /// <summary>Takes out the token at <paramref name="slot"/>; the last token moves there.</summary>
    /// <returns>The token that moved to <paramref name="slot"/>, whose node must note its new place; null if none did.</returns>
    public Token? RemoveLeftAt(int slot)
    {
        var last = LeftAt(--LeftCount);
        SetLeft(slot, last);
        SetLeft(LeftCount, null);
        return slot == LeftCount ? null : last;
    }

    public void Remove(RightEntry entry)
    {
        var last = RightAt(--RightCount);
        SetRight(entry.Slot, last);
        last.Slot = entry.Slot;
        SetRight(RightCount, null);
    }

    private void SetLeft(int index, Token? entry)
    {
        if (index == 0)
        {
            _firstLeft = entry;
            return;
        }

        if (_otherLefts is null || index > _otherLefts.Length)
        {
            Array.Resize(ref _otherLefts, Math.Max(2, index * 2));
        }

        _otherLefts[index - 1] = entry!;
    }

    private void SetRight(int index, RightEntry? entry)
    {
        if (index == 0)
        {
            _firstRight = entry;
            return;
        }

        if (_otherRights is null || index > _otherRights.Length)
        {
            Array.Resize(ref _otherRights, Math.Max(2, index * 2));
        }

        _otherRights[index - 1] = entry!;
    }
}
