using CampaignFlow.Campaigns.Bodies;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Progress;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Reconciling;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Starting;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Telemetry;
using CampaignFlow.Campaigns.Time;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Campaigns.Verdicts;
using CampaignFlow.Workflows.Partitions;
using CampaignFlow.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Composition;

/// <summary>
/// The rooms of a started <see cref="CampaignService"/> (docs/adr/0006), wired once: the façade only routes to them.
/// Opening them is the service's start — plans loaded and published, each version compiled once, every unit's
/// instance started or resumed, what a crash left behind reconciled.
/// </summary>
internal sealed record CampaignRooms(
    PlanLibrary Library,
    PlanVersionCatchUp Versions,
    UnitRegistry Units,
    UnitSessions Sessions,
    RecordingPipeline Recording,
    CampaignTicker Ticker,
    CampaignQueries Queries,
    PlanValidator Validator,
    ComplianceRollups Rollups,
    PlanMigrations Migrations,
    PlanLifecycle Lifecycle,
    PartitionOwnership Partitions,
    CampaignMetrics Metrics) : IDisposable
{
    public static async Task<CampaignRooms> OpenAsync(CampaignStores stores, CampaignOptions options, ILogger logger, CancellationToken ct)
    {
        using var activity = CampaignMetrics.StartActivity("campaignflow.start");
        var metrics = new CampaignMetrics(options.MeterFactory);
        try
        {
            var progress = options.StartProgress;
            progress?.Report(new CampaignStartProgress(CampaignStartStage.LoadingPlans, 0, 0));
            var library = await PlanLibrary.LoadAsync(options.DefinitionsPath, stores.Plans, options.Clock.GetUtcNow(), logger, ct).ConfigureAwait(false);
            var compilations = new PlanCompilations(library.Versions, options.RulesEngine);
            var versions = new PlanVersionCatchUp(library, compilations, stores.Plans, logger);
            // A unit's timers, its signals and its session meet on the host that owns its partition (docs/adr/0022).
            var partitions = new PartitionOwnership(new PartitionScheme(options.Partitions, CampaignSignals.InstanceKeySeparator), options.HostId, stores.PartitionLeases, options.PartitionLease);
            await partitions.RenewAsync(ct).ConfigureAwait(false);
            var runtime = new WorkflowRuntime(stores.Workflows, compilations.Registry, options.Clock, new WorkflowRuntimeOptions { ClaimerId = options.HostId, Partitions = partitions });
            var started = await UnitStarter.StartAsync(library, runtime, stores.Workflows, progress, logger, ct).ConfigureAwait(false);
            var units = new UnitRegistry(started, compilations, library.Running, library.Organisation);
            // Every running unit's tallies, held for the roll-ups; read again whole only when other hosts write the store too.
            var tallies = new OpenTallyMirror(stores.Violations, [.. units.PlansByUnit.Keys], stores.SharedByHosts ? options.TallyRefreshInterval : null);
            var verdicts = new ViolationSync(stores.Violations, metrics, tallies);
            // A migration stored through any host is followed wherever the unit's records are next read (docs/adr/0026).
            var follower = new MigrationFollower(library, versions, units, runtime, logger);
            var sessions = new UnitSessions(stores.Records, stores.UnitLocks, verdicts, follower, options.Clock, new SessionCache(options.MaxSessionsInMemory, options.MaxSessionRecordsInMemory), metrics, logger);
            var signalled = new WorkflowProgress(runtime);
            var bodies = new BodiesAbove(units, sessions, verdicts, stores.Records, partitions, logger);
            var derived = new DerivedState(stores.Records, verdicts, signalled, bodies);
            var reconciler = new Reconciler(stores.Records, units, sessions, derived, partitions, options.ReconcileInterval, options.BodyRebuildInterval, options.CaughtUp, logger);
            progress?.Report(new CampaignStartProgress(CampaignStartStage.CheckingWatermarks, 0, started.Count));
            await reconciler.StartAsync(started.Select(u => u.Unit.Id), options.Clock.GetUtcNow(), ct).ConfigureAwait(false);
            metrics.Observe(() => units.Tree.All.Count, () => sessions.Count);
            var queries = new CampaignQueries(units, runtime, stores.Violations, tallies, stores.Records, options.Clock);
            progress?.Report(new CampaignStartProgress(CampaignStartStage.Started, started.Count, started.Count));
            activity?.SetTag("campaignflow.units", started.Count);
            var validator = new PlanValidator(options.DefinitionsPath, library.FilesByPlan);
            return new CampaignRooms(
                library,
                versions,
                units,
                sessions,
                new RecordingPipeline(stores.Records, sessions, verdicts, signalled, derived, options.Clock, metrics),
                new CampaignTicker(runtime, partitions, units, sessions, derived, bodies, reconciler, tallies, options.Clock, options.TickBatchSize, metrics, logger),
                queries,
                validator,
                new ComplianceRollups(units.Tree, units.PlansByUnit, new PlanVersionDues(compilations), stores.Violations, tallies, options.Clock),
                new PlanMigrations(library, versions, follower, units, sessions, queries, derived, stores.Workflows, stores.Records, options.Clock),
                new PlanLifecycle(stores.Drafts, stores.Plans, validator.ReadDraft, options.Clock, versions.CatchUpAsync),
                partitions,
                metrics);
        }
        catch
        {
            metrics.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Units.Dispose();
        Metrics.Dispose();
    }
}
