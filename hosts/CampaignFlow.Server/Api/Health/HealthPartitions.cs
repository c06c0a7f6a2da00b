using CampaignFlow.Workflows.Partitions;

namespace CampaignFlow.Server.Api.Health;

/// <summary>
/// Which partitions of the units this host works (docs/adr/0022), in <see cref="HealthView"/>, so that a load balancer
/// can send a unit's records to the host that owns it (<see cref="PartitionScheme"/> maps a unit's id to its partition).
/// </summary>
/// <param name="Host">This host's name in the leases.</param>
/// <param name="Count">How many partitions there are.</param>
/// <param name="Owned">The partitions this host works, ascending: every one on SQLite, where it is the only host.</param>
/// <param name="LiveHosts">How many hosts on the store are alive, this one included.</param>
/// <param name="Leased">True when hosts share the store and lease partitions (PostgreSQL).</param>
public sealed record HealthPartitions(string Host, int Count, IReadOnlyList<int> Owned, int LiveHosts, bool Leased)
{
    /// <summary>What <paramref name="ownership"/> says now.</summary>
    public static HealthPartitions Of(PartitionOwnership ownership)
    {
        ArgumentNullException.ThrowIfNull(ownership);
        return new(ownership.HostId, ownership.Scheme.Count, ownership.Current.Partitions, ownership.LiveHosts.Count, ownership.IsLeased);
    }
}
