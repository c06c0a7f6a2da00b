using System.Diagnostics.Metrics;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Workflows.Partitions;

namespace CampaignFlow.Campaigns.Service;

/// <summary>How a <see cref="CampaignService"/> runs: where the plans are, whose clock it keeps, how many rule sessions stay in memory.</summary>
public sealed record CampaignOptions
{
    /// <summary>The definitions folder (plans, rosters; its <c>activities/</c> folder is not read).</summary>
    public required string DefinitionsPath { get; init; }

    /// <summary>The clock: the system's, or a virtual one for <c>--demo</c> and tests.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// How many units' rule sessions stay in memory at most (least recently used go first); the others are rebuilt by
    /// replay when needed. <see cref="MaxSessionRecordsInMemory"/> bounds their memory; this bounds their number.
    /// </summary>
    public int MaxSessionsInMemory { get; init; } = 10_000;

    /// <summary>
    /// How many records the rule sessions in memory may hold between them, each session counting as 16 records more
    /// for its own memory (about 65 KB a session of 16 records was measured, so the default is some 1–2 GB at most);
    /// beyond it the least recently used sessions go first. A
    /// unit writing while its session is in memory costs a catch-up of its new records; one whose session was
    /// evicted costs a replay of all its records.
    /// </summary>
    public long MaxSessionRecordsInMemory { get; init; } = 500_000;

    /// <summary>
    /// How often a tick also looks for units whose violations or signals are behind their records or the clock (a
    /// crash between storing records and judging them) and brings them up to date; the first tick always does.
    /// </summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When several hosts write the stores (<see cref="Storage.CampaignStores.SharedByHosts"/>): how old, in real time,
    /// the roll-ups' copy of the open violations' tallies may grow before a tick reads it again whole, so another
    /// host's violations show in this host's roll-ups within about this time (docs/adr/0017). This host's own writes
    /// show at once.
    /// </summary>
    public TimeSpan TallyRefreshInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Into how many partitions the units are split among hosts sharing the stores (<see cref="Storage.CampaignStores.PartitionLeases"/>),
    /// by a stable hash of the unit's id; every host on one database must use the same number (docs/adr/0022).
    /// </summary>
    public int Partitions { get; init; } = PartitionScheme.DefaultCount;

    /// <summary>
    /// How long, in real time, a host's lease on its partitions lasts unless renewed (a tick renews every third of it):
    /// how long a dead host's units wait before another host takes them over.
    /// </summary>
    public TimeSpan PartitionLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How old a body's session of the units below it (<c>acrossUnits</c>) may grow, in real time (a virtual clock's
    /// days do not count), before the reconciler rebuilds it from the store: on PostgreSQL a record may commit after one with a higher sequence, which a catch-up by
    /// sequence passes over on another host; a rebuild counts it (docs/adr/0010).
    /// </summary>
    public TimeSpan BodyRebuildInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many units whose timers fired a tick judges together: their violations written in one transaction and their
    /// watermarks moved in another, so a period boundary of many units costs a few commits per batch, not per unit. 1:
    /// each unit on its own, under its lock alone, as a recording judges it.
    /// </summary>
    public int TickBatchSize { get; init; } = 256;

    /// <summary>The rules engine the compliance rules run on: null for ours (<see cref="ReteComplianceEngine"/>).</summary>
    public IComplianceEngine? RulesEngine { get; init; }

    /// <summary>
    /// The host's meter factory: the service's instruments (<see cref="Telemetry.CampaignMetrics"/>) are created from it,
    /// so the host's exporters see them; null for a meter of the service's own.
    /// </summary>
    public IMeterFactory? MeterFactory { get; init; }

    /// <summary>
    /// Told each stage of the start and, while units are started, how many are done; called on the starting thread,
    /// so it should only store what it is given. Null when nobody watches.
    /// </summary>
    public IProgress<Starting.CampaignStartProgress>? StartProgress { get; init; }

    /// <summary>
    /// Told each unit a reconciliation pass brought up to date, with the watermark it found it at (docs/adr/0007), so
    /// the host can say so to its operator in the operator's words; the service itself logs it only at debug. Null
    /// when nobody listens.
    /// </summary>
    public IProgress<Storage.UnitWatermark>? CaughtUp { get; init; }

    /// <summary>This host's name in timer and inbox leases; unique per process.</summary>
    public string HostId { get; init; } = Environment.MachineName + "/" + Environment.ProcessId;
}
