namespace CampaignFlow.Workflows.Partitions;

/// <summary>The partitions one host works at a moment: all of them (a host alone on its store), or those it holds a lease on.</summary>
public sealed class OwnedPartitions
{
    private readonly HashSet<int> _set;

    private OwnedPartitions(PartitionScheme scheme, IEnumerable<int> partitions, bool all)
    {
        Scheme = scheme;
        IsAll = all;
        _set = [.. partitions];
        Partitions = [.. _set.Order()];
    }

    /// <summary>How keys map to partitions.</summary>
    public PartitionScheme Scheme { get; }

    /// <summary>True when this host works every partition, leased or not (one host on its store).</summary>
    public bool IsAll { get; }

    /// <summary>The partitions owned, ascending.</summary>
    public IReadOnlyList<int> Partitions { get; }

    /// <summary>Every partition of <paramref name="scheme"/>, without leases.</summary>
    public static OwnedPartitions All(PartitionScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new(scheme, Enumerable.Range(0, scheme.Count), all: true);
    }

    /// <summary>The leased <paramref name="partitions"/> of <paramref name="scheme"/> (perhaps none).</summary>
    public static OwnedPartitions Leased(PartitionScheme scheme, IEnumerable<int> partitions)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new(scheme, partitions, all: false);
    }

    /// <summary>True when this host works the partition of <paramref name="correlationKey"/>.</summary>
    public bool Contains(string correlationKey) => IsAll || _set.Contains(Scheme.PartitionOf(correlationKey));

    /// <summary>True when this host works <paramref name="partition"/>.</summary>
    public bool Contains(int partition) => IsAll || _set.Contains(partition);
}
