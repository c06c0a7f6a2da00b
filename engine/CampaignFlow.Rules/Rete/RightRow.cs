namespace CampaignFlow.Rules.Rete;

/// <summary>
/// What a beta node that keeps pairs remembers about one fact on its right: a row in its memory's pages by row id
/// (<see cref="BetaMemory.Row"/>), found from the fact by <see cref="Fact.Id"/>, not an object of its own.
/// </summary>
/// <remarks>
/// One session of 10,000 units held 310,000 such entries as objects chained on their facts, each one more object for
/// the garbage collector to mark and copy twice as the session grew (issue 15). A bucket's rows are a ring through
/// <see cref="Next"/> and <see cref="Previous"/>, in the order they came, so that a row leaves it in constant time.
/// </remarks>
internal struct RightRow
{
    public Fact Fact;

    /// <summary>The head of the fact's list of pairs in the node.</summary>
    public Pairing? Pairs;

    /// <summary>The id of the bucket the row is filed in.</summary>
    public int Bucket;

    /// <summary>The next row of the bucket (the first after the last).</summary>
    public int Next;

    /// <summary>The previous row of the bucket (the last before the first).</summary>
    public int Previous;
}
