using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Workflows.Partitions;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Persistence.InMemory;

namespace CampaignFlow.Campaigns.Storage;

/// <summary>Every store a campaign host needs, from one backend (in-memory, SQLite or PostgreSQL).</summary>
/// <param name="Workflows">Workflow instances, journals, timers and the inbox.</param>
/// <param name="Records">What units recorded.</param>
/// <param name="Violations">Violations with their lifecycle.</param>
/// <param name="Plans">Published plan versions.</param>
/// <remarks>
/// Disposing the bundle disposes <see cref="Owner"/>, what the backend opened for all four stores (the SQLite
/// file's connections, the PostgreSQL data source); the stores must not be used after that.
/// </remarks>
public sealed record CampaignStores(IWorkflowStore Workflows, IRecordStore Records, IViolationStore Violations, IPlanStore Plans) : IAsyncDisposable
{
    /// <summary>What the stores share and disposing the bundle releases, or null when they hold nothing (in memory).</summary>
    public IAsyncDisposable? Owner { get; init; }

    /// <summary>
    /// The units' locks across every host of these stores: in this process by default (in memory, SQLite); PostgreSQL's
    /// are advisory locks, shared by every host on the database. A copy made with <c>with</c> shares them.
    /// </summary>
    public IUnitLocks UnitLocks { get; init; } = new InMemoryUnitLocks();

    /// <summary>
    /// Plan versions on their way to publication (docs/adr/0014): in memory by default; the SQLite and PostgreSQL
    /// backends keep them beside the published versions.
    /// </summary>
    public IPlanDraftStore Drafts { get; init; } = new InMemoryPlanDraftStore();

    /// <summary>
    /// True when several hosts may write these stores (PostgreSQL): what a host keeps in memory of them is read again
    /// from time to time (<see cref="Service.CampaignOptions.TallyRefreshInterval"/>). False (in memory, SQLite): this
    /// host is the only writer, so it knows every change.
    /// </summary>
    public bool SharedByHosts { get; init; }

    /// <summary>
    /// The leases by which hosts sharing these stores split the units into partitions (PostgreSQL, docs/adr/0022); null
    /// (in memory, SQLite): this host works every unit.
    /// </summary>
    public IPartitionLeaseStore? PartitionLeases { get; init; }

    /// <summary>Four empty in-memory stores, for tests and simulations.</summary>
    public static CampaignStores InMemory() =>
        new(new InMemoryWorkflowStore(), new InMemoryRecordStore(), new InMemoryViolationStore(), new InMemoryPlanStore());

    /// <summary>Releases <see cref="Owner"/>.</summary>
    public ValueTask DisposeAsync() => Owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
