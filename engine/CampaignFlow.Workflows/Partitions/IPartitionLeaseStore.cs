namespace CampaignFlow.Workflows.Partitions;

/// <summary>
/// Leases of partitions held by hosts sharing one store, and the hosts' presence. Times are the store's own clock, so
/// hosts with clocks apart (or simulated ones) agree on when a lease has run out.
/// </summary>
/// <threadsafety>Implementations must be safe for concurrent use by many hosts.</threadsafety>
public interface IPartitionLeaseStore
{
    /// <summary>
    /// Marks <paramref name="hostId"/> alive, splitting the keys into <paramref name="partitionCount"/> partitions, for
    /// <paramref name="lease"/>; answers the partition counts the other live hosts said they split them into.
    /// </summary>
    ValueTask<IReadOnlyDictionary<string, int>> JoinAsync(string hostId, int partitionCount, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks <paramref name="hostId"/> alive and extends every lease it holds by <paramref name="lease"/> from now; then
    /// answers which leases have not run out and which hosts are alive.
    /// </summary>
    ValueTask<PartitionLeaseView> RenewAsync(string hostId, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases to <paramref name="hostId"/>, for <paramref name="lease"/>, each of <paramref name="partitions"/> that is
    /// free, whose lease ran out, or that it holds already; answers those it now holds of them.
    /// </summary>
    ValueTask<IReadOnlyList<int>> TakeAsync(string hostId, IReadOnlyCollection<int> partitions, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Gives back those of <paramref name="partitions"/> that <paramref name="hostId"/> holds, for another host to take.</summary>
    ValueTask ReleaseAsync(string hostId, IReadOnlyCollection<int> partitions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives back every partition <paramref name="hostId"/> holds and marks it gone: a host stopping on purpose, whose
    /// partitions the others take at their next renewal rather than when its leases run out.
    /// </summary>
    ValueTask LeaveAsync(string hostId, CancellationToken cancellationToken = default);
}
