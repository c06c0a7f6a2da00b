namespace CampaignFlow.Workflows.Partitions;

/// <summary>
/// A host would split the keys into another number of partitions than a live host sharing its store does: refused at
/// its first renewal, before it takes any partition, since the two would map keys to partitions differently.
/// </summary>
public sealed class PartitionCountMismatchException : Exception
{
    /// <summary>A mismatch between this host's count and another live host's.</summary>
    /// <param name="hostId">This host.</param>
    /// <param name="count">This host's partition count.</param>
    /// <param name="otherHostId">A live host with another count.</param>
    /// <param name="otherCount">That host's count.</param>
    public PartitionCountMismatchException(string hostId, int count, string otherHostId, int otherCount)
        : base($"Host '{hostId}' splits the units into {count} partitions, but host '{otherHostId}' on the same database splits them into {otherCount}; every host of one database must use the same --partitions.")
    {
        (HostId, Count, OtherHostId, OtherCount) = (hostId, count, otherHostId, otherCount);
    }

    /// <summary>This host.</summary>
    public string HostId { get; }

    /// <summary>This host's partition count.</summary>
    public int Count { get; }

    /// <summary>The live host with another count.</summary>
    public string OtherHostId { get; }

    /// <summary>That host's count.</summary>
    public int OtherCount { get; }
}
