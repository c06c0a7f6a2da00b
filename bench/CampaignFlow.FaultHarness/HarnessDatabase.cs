using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.FaultHarness;

/// <summary>One side's store (the killed hosts' or the fresh host's): how a host is started on it, and how it is read.</summary>
/// <param name="Arguments">The server's command-line arguments for host number n (each host has its own data folder for its token files).</param>
/// <param name="Environment">Environment variables every host on it gets (the PostgreSQL connection string: it has spaces).</param>
/// <param name="OpenAsync">Opens the stores, to read the records and watermarks.</param>
internal sealed record HarnessDatabase(
    Func<int, IReadOnlyList<string>> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    Func<Task<CampaignStores>> OpenAsync);
