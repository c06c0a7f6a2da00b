namespace CampaignFlow.Workflows.Partitions;

/// <summary>The partition leases not run out, and the hosts alive, as the store saw them at one moment.</summary>
/// <param name="Owners">The owner of each leased partition; a partition missing is free.</param>
/// <param name="LiveHosts">The hosts whose presence has not run out, this one included, ordinal order.</param>
public sealed record PartitionLeaseView(IReadOnlyDictionary<int, string> Owners, IReadOnlyList<string> LiveHosts);
