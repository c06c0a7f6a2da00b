namespace CampaignFlow.Rules.Rete;

/// <summary>
/// What a beta node remembers about one partial match on its left, a struct in its memory's array by
/// <see cref="Token.Id"/> (<see cref="BetaMemory.Left"/>): no object per token and node. The head of a token's
/// list of pairs is in an array of its own (<see cref="BetaMemory.PairsOf"/>), which counting nodes never need.
/// </summary>
internal struct LeftState
{
    /// <summary>1 + the id of the bucket the token is filed in, 0 when the node does not hold the token.</summary>
    public int BucketLink;

    /// <summary>The token's place among its bucket's tokens.</summary>
    public int Slot;

    public int PairCount;

    /// <summary>Whether the node currently passes this token on (not and exists nodes).</summary>
    public bool Emitted;

    /// <summary>Whether a batch changed the token's pairs and it waits to settle once the batch is in.</summary>
    public bool Touched;

    public readonly bool IsHeld => BucketLink != 0;

    public readonly int Bucket => BucketLink - 1;
}
