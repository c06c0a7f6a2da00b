using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Composition;
using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Explaining;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Partitions;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Service;

/// <summary>
/// Runs every unit's campaign: records what units did (checked against their plan, stored idempotently, fed to their
/// rule session, violations persisted as they open and resolve, approvals signalled to their workflow), moves time
/// (timers fire, periods close), and answers what a unit's campaign looks like now. A façade: each job has its own
/// room (see engine/CampaignFlow.Campaigns/README.md and docs/adr/0006).
/// </summary>
/// <remarks>Everything the service says is in the stores, so a new service on the same stores carries on.</remarks>
/// <threadsafety>Safe for concurrent callers: each unit's work is serialised by the unit's lock.</threadsafety>
public sealed class CampaignService : IAsyncDisposable
{
    private readonly CampaignRooms _rooms;
    private readonly ILogger _logger;

    private CampaignService(CampaignRooms rooms, ILogger logger)
    {
        _rooms = rooms;
        _logger = logger;
    }

    /// <summary>Roll-ups over the units under a body (the compliance matrix, the units most behind, the open count per day), read from the stores' tallies.</summary>
    public ComplianceRollups Rollups => _rooms.Rollups;

    /// <summary>Plan versions' life: drafts, submission, approval or return, publication, and each plan's history.</summary>
    public PlanLifecycle Lifecycle => _rooms.Lifecycle;

    /// <summary>What could not be loaded: plan findings at file:line:column, plans changed without a new version.</summary>
    public IReadOnlyList<PlanLoadProblem> LoadProblems => _rooms.Library.Problems;

    /// <summary>One entry per running unit (on its plan's highest published version), by plan id.</summary>
    public IReadOnlyList<CampaignUnit> Units => _rooms.Units.Tree.All;

    /// <summary>The running units under their bodies, also through bodies that run no campaign (a template's parent).</summary>
    public OrganisationTree Organisation => _rooms.Units.Tree;

    /// <summary>How many rule sessions are in memory now.</summary>
    public int SessionsInMemory => _rooms.Sessions.Count;

    /// <summary>
    /// Which partitions of the units this host works, how many hosts are alive, and which host owns a unit
    /// (<see cref="PartitionOwnership.OwnerOf"/> with the unit's id), as of the last renewal (docs/adr/0022).
    /// </summary>
    public PartitionOwnership Partitions => _rooms.Partitions;

    /// <summary>Every plan, resolved as it runs (templates that no unit runs too), by id.</summary>
    public IReadOnlyList<ResolvedPlan> Plans => _rooms.Library.Running;

    /// <summary>
    /// Loads the definitions folder, publishes each valid plan as a version (plan, roster and parents' files), compiles
    /// each version once and starts (or resumes) one workflow instance per unit and version. A plan changed under a
    /// published version, or invalid, is a <see cref="PlanLoadProblem"/>, not fatal; a body's plan runs for the body too.
    /// </summary>
    /// <param name="stores">The stores.</param>
    /// <param name="options">Where the definitions are, the clock, the session budget.</param>
    /// <param name="logger">Receives what was loaded and started.</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<CampaignService> StartAsync(CampaignStores stores, CampaignOptions options, ILogger<CampaignService> logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        return new CampaignService(await CampaignRooms.OpenAsync(stores, options, logger, ct).ConfigureAwait(false), logger);
    }

    /// <summary>The running unit with this id, or null.</summary>
    /// <param name="unitId">A unit id.</param>
    public CampaignUnit? FindUnit(string unitId) => _rooms.Units.Tree.Find(unitId);

    /// <summary>The plan with this id as it runs (its highest published version), a template plan too; or null.</summary>
    /// <param name="planId">A plan id.</param>
    public ResolvedPlan? FindPlan(string planId) => _rooms.Library.Find(planId);

    /// <summary>Every stored version of a plan, resolved from its own texts as it was published, oldest first.</summary>
    /// <param name="planId">A plan id.</param>
    public IReadOnlyList<ResolvedPlan> PlanVersions(string planId) =>
        [.. _rooms.Library.Versions.Where(v => v.Id == planId).OrderBy(v => v.Version)];

    /// <summary>
    /// Every stored version of a plan, oldest first, as <see cref="PlanVersions"/>, after reading the store for versions
    /// published since the start (through the API, on this host or another sharing the store): those become readable
    /// here, and the highest is the plan's (<see cref="FindPlan"/>) at once. Units keep the versions they run.
    /// </summary>
    /// <param name="planId">A plan id.</param>
    /// <param name="ct">Cancels the read.</param>
    public async Task<IReadOnlyList<ResolvedPlan>> PlanVersionsAsync(string planId, CancellationToken ct = default)
    {
        await _rooms.Versions.CatchUpAsync(planId, ct).ConfigureAwait(false);
        return PlanVersions(planId);
    }

    /// <summary>
    /// Every plan's highest version, as <see cref="Plans"/>, after bringing this host up to the store for versions
    /// published since the start on any host: one query for every plan's highest stored version, and the texts read only
    /// of a plan whose highest this host does not hold. For lists not about one plan (<c>GET /plans</c>, the console's).
    /// </summary>
    /// <param name="ct">Cancels the reads.</param>
    public async Task<IReadOnlyList<ResolvedPlan>> PlansAsync(CancellationToken ct = default)
    {
        await _rooms.Versions.CatchUpAllAsync(ct).ConfigureAwait(false);
        return Plans;
    }

    /// <summary>
    /// The running units built on a plan: the unit that runs it, or every unit whose plan inherits it at any depth
    /// (魏都区委's plan: 西关街道). Who may read those units may read the plan.
    /// </summary>
    /// <param name="planId">A plan id.</param>
    public IReadOnlyList<CampaignUnit> UnitsBuiltOn(string planId) => _rooms.Units.BuiltOn(planId);

    /// <summary>Records what a unit did, as <see cref="RecordAsync(string, string, RecordFormat, string, RecordPolicy, CancellationToken)"/> with no policy.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="text">The records.</param>
    /// <param name="format">The text's format.</param>
    /// <param name="recordedBy">Who records (a token's name, <c>import</c>).</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="UnknownUnitException">No campaign runs for <paramref name="unitId"/>.</exception>
    public Task<RecordingResult> RecordAsync(string unitId, string text, RecordFormat format, string recordedBy, CancellationToken ct = default) =>
        RecordAsync(unitId, text, format, recordedBy, static (_, _) => null, ct);

    /// <summary>
    /// Records what a unit did. <paramref name="text"/> is JSON (an object or an array of objects), YAML or CSV, each
    /// record in the activity-log shape (docs/activity-log-format.md); a review or publication may refer to a document
    /// stored before. All or nothing: any error comes back as diagnostics at line:column, any key stored before with
    /// other content as a conflict, the first record <paramref name="policy"/> refuses as the refusal, and then nothing
    /// is stored. Otherwise the new records are stored (a key stored before with the same content is a duplicate),
    /// violations that opened or resolved are persisted, and progress is signalled to the unit's workflow.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="text">The records.</param>
    /// <param name="format">The text's format.</param>
    /// <param name="recordedBy">Who records.</param>
    /// <param name="policy">What the caller may store, asked of every record as read.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="UnknownUnitException">No campaign runs for <paramref name="unitId"/>.</exception>
    public Task<RecordingResult> RecordAsync(string unitId, string text, RecordFormat format, string recordedBy, RecordPolicy policy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var unit = _rooms.Units.Find(unitId) ?? throw new UnknownUnitException(unitId);
        return _rooms.Recording.RecordAsync(unit, text, format, recordedBy, policy, ct);
    }

    /// <summary>
    /// Records a CSV of many units' records at once — a body's import, a migration from another system: a header row of
    /// the record keys and a <c>unit</c> column saying whose each row is. Each unit's rows are read against its own plan
    /// and asked of <paramref name="policyFor"/> that unit; all or nothing, as for one unit: any error anywhere (at
    /// the file's line:column, a unit that does not run among them), any refusal or any conflict, and nothing is
    /// stored. Otherwise every record is appended in one transaction, and the units' violations, workflows and
    /// watermarks follow in batches.
    /// </summary>
    /// <param name="csv">The records, a <c>unit</c> column beside the record keys.</param>
    /// <param name="recordedBy">Who records.</param>
    /// <param name="policyFor">What the caller may store for a unit, asked of every record of that unit as read.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<RecordingResult> RecordAcrossUnitsAsync(string csv, string recordedBy, Func<CampaignUnit, RecordPolicy> policyFor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policyFor);
        return _rooms.Recording.RecordAcrossUnitsAsync(csv, _rooms.Units.Find, recordedBy, unit => policyFor(unit.Unit), ct);
    }

    /// <summary>
    /// One pass of the host's loop: fires due timers, applies the inbox, moves every unit whose timers fired to now and
    /// persists what changed; then (the first pass, and once per <see cref="CampaignOptions.ReconcileInterval"/>) finishes
    /// the violations and signals of units a crash or a failure left behind their records or the clock.
    /// </summary>
    /// <param name="ct">Cancels the pass.</param>
    /// <returns>When the next timer is due (null: none), so the host knows how long it may sleep.</returns>
    public Task<DateTimeOffset?> TickAsync(CancellationToken ct = default) => _rooms.Ticker.TickAsync(ct);

    /// <summary>Where a unit's campaign stands now, or null for a unit that does not run.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<UnitCampaignState?> GetStateAsync(string unitId, CancellationToken ct = default) => _rooms.Queries.GetStateAsync(unitId, ct);

    /// <summary>
    /// Where each of the units' campaigns stands now, each as <see cref="GetStateAsync"/> tells it, from one read of their
    /// workflow instances and one of their open violations' tallies; units that do not run are left out.
    /// </summary>
    /// <param name="unitIds">The units.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<IReadOnlyDictionary<string, UnitCampaignState>> GetStatesAsync(IReadOnlyCollection<string> unitIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        return _rooms.Queries.GetStatesAsync(unitIds, ct);
    }

    /// <summary>
    /// How many violations each of the units has open (its <see cref="UnitCampaignState.OpenViolations"/>), from one read
    /// of the open violations' tallies; units that do not run are left out.
    /// </summary>
    /// <param name="unitIds">The units.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<IReadOnlyDictionary<string, int>> CountOpenViolationsAsync(IReadOnlyCollection<string> unitIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        return _rooms.Queries.CountOpenViolationsAsync(unitIds, ct);
    }

    /// <summary>
    /// True when the plan version the unit runs has an approval gate <paramref name="role"/> approves: only then can the
    /// unit's state show a gate waiting for that role. False for a unit that does not run.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="role">A role of the plan's vocabulary (<c>supervisor</c>).</param>
    public bool HasApprover(string unitId, string role) => _rooms.Queries.HasApprover(unitId, role);

    /// <summary>
    /// True when the plan the unit runs has an action that may have to be held again (a re-work requirement): only such
    /// a unit's state can have an action whose status is <c>rework</c>, so a reader of many units' re-work need not read the others.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    public bool MayHoldAgain(string unitId) => _rooms.Queries.MayHoldAgain(unitId);

    /// <summary>A unit's stored records in the store's order after <paramref name="afterSequence"/>, or null for a unit that does not run.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="afterSequence">Only records stored after this sequence number (0: all).</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<IReadOnlyList<StoredRecord>?> ReadRecordsAsync(string unitId, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken ct = default) =>
        _rooms.Queries.ReadRecordsAsync(unitId, afterSequence, maxCount, ct);

    /// <summary>What a unit's workflow instance did, oldest first, or null for a unit that does not run.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<IReadOnlyList<JournalEntry>?> GetJournalAsync(string unitId, CancellationToken ct = default) => _rooms.Queries.GetJournalAsync(unitId, ct);

    /// <summary>
    /// Why a requirement of a unit is (not) violated at <paramref name="at"/> (default: now), period by period and record
    /// by record, from the unit's stored records; null for a unit that does not run or a requirement its plan lacks.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="requirementId">A requirement of its plan (<c>weekly-study:period-minimum</c>).</param>
    /// <param name="at">The moment asked about; null for now.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="NotSupportedException">The requirement is over the units below the unit (<c>acrossUnits</c>).</exception>
    public Task<RequirementExplanation?> ExplainAsync(string unitId, string requirementId, DateTimeOffset? at = null, CancellationToken ct = default) =>
        _rooms.Queries.ExplainAsync(unitId, requirementId, at, ct);

    /// <summary>A page of the violations matching <paramref name="query"/>.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<ViolationPage> QueryViolationsAsync(ViolationQuery query, CancellationToken ct = default) => _rooms.Queries.QueryViolationsAsync(query, ct);

    /// <summary>Every violation matching <paramref name="query"/> (offset and limit ignored), in the query order, read as they are consumed (an export).</summary>
    /// <param name="query">The filter.</param>
    /// <param name="ct">Cancels the reading.</param>
    public IAsyncEnumerable<StoredViolation> StreamViolationsAsync(ViolationQuery query, CancellationToken ct = default) => _rooms.Queries.StreamViolations(query, ct);

    /// <summary>One violation, open or resolved, or null.</summary>
    /// <param name="id">The violation's id.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<StoredViolation?> GetViolationAsync(string id, CancellationToken ct = default) => _rooms.Queries.GetViolationAsync(id, ct);

    /// <summary>A violation's history, oldest first (empty for an unknown id).</summary>
    /// <param name="id">The violation's id.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<IReadOnlyList<ViolationEvent>> GetViolationHistoryAsync(string id, CancellationToken ct = default) => _rooms.Queries.GetViolationHistoryAsync(id, ct);

    /// <summary>
    /// Validates an uploaded plan, with the definitions folder as the context of its <c>inherits</c> and roster (an
    /// uploaded new version of a plan takes the place of the folder's file of that plan); nothing is stored.
    /// </summary>
    /// <param name="yaml">The plan's text.</param>
    /// <param name="fileName">The name to report positions against.</param>
    public IReadOnlyList<PlanDiagnostic> ValidatePlan(string yaml, string fileName) => _rooms.Validator.Validate(yaml, fileName);

    /// <summary>
    /// Moves running units of a plan to another of its stored versions, or (<see cref="MigrationRequest.DryRun"/>) says
    /// for each what that would change: the plans' differences, the violations their stored records would open or
    /// resolve, the gates to pass again, the progress lost. Applied, it does what the dry run said for the records
    /// stored at that moment; the unit's new instance names the version it came from and who moved it, and the unit
    /// stays on the new version after a restart (docs/adr/0015). Units not named keep their version.
    /// </summary>
    /// <param name="request">The plan, the version, the units, whether only to see.</param>
    /// <param name="ct">Cancels the call; units already moved stay moved.</param>
    /// <returns>What changed (would change) per unit; null for a plan with no stored version.</returns>
    /// <exception cref="MigrationRefusedException">Nothing was written: an unknown version, a unit not on the plan, a
    /// version the unit left before, or progress that would be lost without <see cref="MigrationRequest.AcceptLostProgress"/>.</exception>
    public Task<PlanMigration?> MigrateAsync(MigrationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _rooms.Migrations.MigrateAsync(request, ct);
    }

    /// <summary>A unit's migrations (who moved it from which version to which, when), oldest first; null for a unit that does not run.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task<IReadOnlyList<MigrationStep>?> GetMigrationsAsync(string unitId, CancellationToken ct = default) =>
        _rooms.Migrations.HistoryAsync(unitId, ct);

    /// <inheritdoc />
    /// <remarks>
    /// This host's partition leases are given back first (docs/adr/0022), so the other hosts take its units at their next
    /// renewal rather than when its leases run out; when that fails, they run out as after a crash.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        // A recording's caller may have stopped waiting (cancelled at shutdown) while its group still writes: the
        // stores close after it.
        await _rooms.Recording.CloseAsync().ConfigureAwait(false);
        try
        {
            await _rooms.Partitions.LeaveAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Giving back the partition leases of host {Host} failed; they run out in {Lease}", _rooms.Partitions.HostId, _rooms.Partitions.Lease);
        }
        finally
        {
            _rooms.Dispose();
        }
    }
}
