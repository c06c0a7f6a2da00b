using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Publishing;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Records;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Signals;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Violations;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Campaigns.Service;

/// <summary>
/// Runs every unit's campaign: records what units did (checked against their plan, stored idempotently, fed to their
/// rule session, violations persisted as they open and resolve, approvals signalled to their workflow), moves time
/// (timers fire, periods close), and answers what a unit's campaign looks like now.
/// </summary>
/// <remarks>
/// Each unit has one rule session per plan version, kept in memory up to <see cref="CampaignOptions.MaxSessionsInMemory"/>;
/// any other is rebuilt by replaying the unit's stored records and reconciled with the stored open violations, which
/// adds no history. Everything the service says is in the stores, so a new service on the same stores carries on.
/// </remarks>
/// <threadsafety>Safe for concurrent callers: each unit's work is serialised by the unit's lock.</threadsafety>
public sealed class CampaignService : IAsyncDisposable
{
    private const int MaxSignalRounds = 32;
    private const int ReplayRatherThanInsertFrom = 200;
    private readonly CampaignStores _stores;
    private readonly CampaignOptions _options;
    private readonly ILogger<CampaignService> _logger;
    private readonly WorkflowRuntime _runtime;
    private readonly PlanLibrary _library;
    private readonly IReadOnlyDictionary<string, RunningUnit> _units;
    private readonly IReadOnlyDictionary<string, RunningUnit> _byInstanceKey;
    private readonly SessionCache _sessions;

    private CampaignService(CampaignStores stores, CampaignOptions options, ILogger<CampaignService> logger, WorkflowRuntime runtime,
        PlanLibrary library, IReadOnlyList<RunningUnit> units)
    {
        _stores = stores;
        _options = options;
        _logger = logger;
        _runtime = runtime;
        _library = library;
        _units = units.ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        _byInstanceKey = units.ToDictionary(u => CampaignSignals.InstanceKey(u.Unit.Id, u.Unit.PlanVersion), StringComparer.Ordinal);
        _sessions = new SessionCache(options.MaxSessionsInMemory);
        Units = units.Select(u => u.Unit).ToArray();
    }

    /// <summary>What could not be loaded: plan findings at file:line:column, plans changed without a new version.</summary>
    public IReadOnlyList<PlanLoadProblem> LoadProblems => _library.Problems;

    /// <summary>One entry per running unit (on its plan's highest published version), by plan id.</summary>
    public IReadOnlyList<CampaignUnit> Units { get; }

    /// <summary>How many rule sessions are in memory now.</summary>
    public int SessionsInMemory => _sessions.Count;

    /// <summary>
    /// Loads the definitions folder, publishes each valid plan as a version (plan, roster and parents' files, paths
    /// relative to the folder), and starts one workflow instance per unit and plan version (an existing one is kept).
    /// A plan whose text changed under a published version is refused (a <see cref="PlanLoadProblem"/>) and the
    /// published version keeps running; invalid plans are reported, not fatal. A plan that another plan inherits is the
    /// template of the units below it, not a unit's campaign.
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
        var now = options.Clock.GetUtcNow();
        var library = await PlanLibrary.LoadAsync(options.DefinitionsPath, stores.Plans, now, ct).ConfigureAwait(false);
        foreach (var problem in library.Problems)
        {
            logger.LogWarning("Plan problem {File}:{Line}:{Column} {Code}: {Message}", problem.File, problem.Line, problem.Column, problem.Code, problem.MessageEn);
        }

        // Every stored version is registered, so instances pinned to older versions can still be resumed (and cancelled).
        var registry = new WorkflowDefinitionRegistry();
        var compiled = new Dictionary<(string, int), CompiledCampaign>();
        foreach (var version in library.Versions)
        {
            var campaign = PlanWorkflowCompiler.Compile(version);
            registry.Register(campaign.Definition);
            compiled[(version.Id, version.Version)] = campaign;
        }

        var runtime = new WorkflowRuntime(stores.Workflows, registry, options.Clock, new WorkflowRuntimeOptions { ClaimerId = options.HostId });
        var inherited = library.Running.Select(p => p.Inherits).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var units = new List<RunningUnit>();
        foreach (var plan in library.Running.Where(p => !inherited.Contains(p.Id)))
        {
            if (units.Any(u => u.Unit.Id == plan.Unit.Id))
            {
                logger.LogWarning("Unit {Unit} has several plans; {Plan} is not run", plan.Unit.Id, plan.Id);
                continue;
            }

            var started = await runtime.StartAsync(plan.Id, CampaignSignals.InstanceKey(plan.Unit.Id, plan.Version), cancellationToken: ct).ConfigureAwait(false);
            await CancelSupersededAsync(stores, runtime, library, plan, ct).ConfigureAwait(false);
            var unit = new CampaignUnit(plan.Unit.Id, plan.Unit.Name, plan.Unit.Parent, plan.Supervisor, plan.Id, plan.Version, plan.Title);
            units.Add(new RunningUnit(unit, compiled[(plan.Id, plan.Version)], ComplianceRules.For(plan), started.InstanceId));
            logger.LogInformation("Unit {Unit} runs plan {Plan} version {Version} (instance {Instance}, {Started})",
                unit.Id, plan.Id, plan.Version, started.InstanceId, started.Created ? "started" : "resumed");
        }

        return new CampaignService(stores, options, logger, runtime, library, units);
    }

    /// <summary>The running unit with this id, or null.</summary>
    /// <param name="unitId">A unit id.</param>
    public CampaignUnit? FindUnit(string unitId) => _units.GetValueOrDefault(unitId)?.Unit;

    /// <summary>The plan with this id, resolved as it runs (its highest published version), or null.</summary>
    /// <param name="planId">A plan id.</param>
    public ResolvedPlan? FindPlan(string planId) => _library.Running.FirstOrDefault(p => p.Id == planId);

    /// <summary>Every plan, resolved as it runs, by id.</summary>
    public IReadOnlyList<ResolvedPlan> Plans => _library.Running;

    /// <summary>
    /// Records what a unit did. <paramref name="text"/> is JSON (an object or an array of objects), YAML or CSV, each
    /// record in the activity-log shape (docs/activity-log-format.md); a review or publication may refer to a document
    /// stored before. All or nothing: any error comes back as diagnostics at line:column in the text, and any key stored
    /// before with other content as a conflict, and then nothing is stored. Otherwise the new records are stored (a key
    /// stored before with the same content is a duplicate), inserted into the unit's rule session, violations that
    /// opened or resolved are persisted, and approvals and other progress are signalled to the unit's workflow.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="text">The records.</param>
    /// <param name="format">The text's format.</param>
    /// <param name="recordedBy">Who records (a token's name, <c>import</c>).</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="UnknownUnitException">No campaign runs for <paramref name="unitId"/>.</exception>
    public Task<RecordingResult> RecordAsync(string unitId, string text, RecordFormat format, string recordedBy, CancellationToken ct = default) =>
        RecordAsync(unitId, text, format, recordedBy, static (_, _) => null, ct);

    /// <summary>
    /// Records what a unit did, as <see cref="RecordAsync(string, string, RecordFormat, string, CancellationToken)"/>,
    /// asking <paramref name="policy"/> of every record read before anything is stored: the first refusal comes back
    /// in <see cref="RecordingResult.Refusal"/> and nothing is stored.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="text">The records.</param>
    /// <param name="format">The text's format.</param>
    /// <param name="recordedBy">Who records.</param>
    /// <param name="policy">What the caller may store.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="UnknownUnitException">No campaign runs for <paramref name="unitId"/>.</exception>
    public async Task<RecordingResult> RecordAsync(string unitId, string text, RecordFormat format, string recordedBy, RecordPolicy policy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var unit = _units.GetValueOrDefault(unitId) ?? throw new UnknownUnitException(unitId);
        await unit.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var session = await SessionAsync(unit, ct).ConfigureAwait(false);
            var compliance = session.Compliance;
            var known = compliance.Records.Values.OfType<DocumentRecord>().ToDictionary(d => d.Key, StringComparer.Ordinal);
            var log = RecordTextReader.Read(text ?? "", format, unit.Campaign.Plan, known);
            if (log.HasErrors)
            {
                return new RecordingResult(log.Diagnostics, [], [], []);
            }

            foreach (var record in log.Records)
            {
                if (policy(record, log.Locations.GetValueOrDefault(record.Key, new SourceLocation(log.Path, 1, 1))) is { } refusal)
                {
                    return new RecordingResult(log.Diagnostics, [], [], []) { Refusal = refusal };
                }
            }

            var now = _options.Clock.GetUtcNow();
            var encoded = log.Records.Select(r => RecordCodec.Encode(r, now, recordedBy)).ToArray();

            // Periods that closed since the unit was last touched are judged first, so what this recording changes is its own.
            await AdvanceAsync(unit, session, now, ct).ConfigureAwait(false);

            // The store judges conflicts in the same transaction as it inserts, so a batch racing another host's is still
            // all or nothing.
            var results = await _stores.Records.AppendAsync(encoded, ct).ConfigureAwait(false);
            if (results.Any(r => r.Outcome == AppendOutcome.Conflict))
            {
                return new RecordingResult(log.Diagnostics, results, [], []);
            }

            // The session gets what a replay would get: the records as decoded from the store, with any another host
            // stored meanwhile, in the store's order.
            IReadOnlyList<StoredViolation> opened, resolved;
            if (await CatchUpAsync(unit, session, ct).ConfigureAwait(false))
            {
                (opened, resolved) = await PersistAsync(unit, session, now, ct).ConfigureAwait(false);
            }
            else
            {
                (session, opened, resolved) = await RebuildAsync(unit, ct).ConfigureAwait(false);
            }

            await SignalAsync(unit, session, ct).ConfigureAwait(false);
            return new RecordingResult(log.Diagnostics, results, opened, resolved);
        }
        catch
        {
            // Whatever failed half-way, the store is the truth: the next use rebuilds the session from it.
            _sessions.Remove(unit.SessionKey);
            throw;
        }
        finally
        {
            unit.Lock.Release();
        }
    }

    /// <summary>One pass of the host's loop: fires due timers, applies the inbox, moves every unit whose time moved to now (periods close, violations open) and persists what changed.</summary>
    /// <param name="ct">Cancels the pass.</param>
    /// <returns>When the next timer is due (null: none), so the host knows how long it may sleep.</returns>
    public async Task<DateTimeOffset?> TickAsync(CancellationToken ct = default)
    {
        var fired = await _runtime.FireDueTimersAsync(ct).ConfigureAwait(false);
        await _runtime.ProcessInboxAsync(ct).ConfigureAwait(false);
        var now = _options.Clock.GetUtcNow();
        foreach (var key in fired.Select(f => f.CorrelationKey).Distinct(StringComparer.Ordinal))
        {
            if (!_byInstanceKey.TryGetValue(key, out var unit))
            {
                continue; // an instance of a superseded plan version
            }

            await unit.Lock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var session = await SessionAsync(unit, ct).ConfigureAwait(false);
                await AdvanceAsync(unit, session, now, ct).ConfigureAwait(false);
                await SignalAsync(unit, session, ct).ConfigureAwait(false);
            }
            catch
            {
                _sessions.Remove(unit.SessionKey);
                throw;
            }
            finally
            {
                unit.Lock.Release();
            }
        }

        return await _runtime.GetNextTimerDueAtAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Where a unit's campaign stands now, or null for a unit that does not run.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<UnitCampaignState?> GetStateAsync(string unitId, CancellationToken ct = default)
    {
        if (_units.GetValueOrDefault(unitId) is not { } unit)
        {
            return null;
        }

        var now = _options.Clock.GetUtcNow();
        var instance = await _runtime.GetInstanceAsync(unit.InstanceId, ct).ConfigureAwait(false);
        var open = await _stores.Violations.QueryAsync(new ViolationQuery
        {
            Units = [unit.Unit.Id],
            PlanId = unit.Unit.PlanId,
            Status = ViolationStatus.Open,
            Limit = 1,
        }, ct).ConfigureAwait(false);
        return CampaignStateView.Of(unit, instance, now, open.Total);
    }

    /// <summary>A page of the violations matching <paramref name="query"/>.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<ViolationPage> QueryViolationsAsync(ViolationQuery query, CancellationToken ct = default) =>
        await _stores.Violations.QueryAsync(query, ct).ConfigureAwait(false);

    /// <summary>One violation, open or resolved, or null.</summary>
    /// <param name="id">The violation's id.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<StoredViolation?> GetViolationAsync(string id, CancellationToken ct = default) =>
        await _stores.Violations.GetAsync(id, ct).ConfigureAwait(false);

    /// <summary>A violation's history, oldest first (empty for an unknown id).</summary>
    /// <param name="id">The violation's id.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<IReadOnlyList<ViolationEvent>> GetViolationHistoryAsync(string id, CancellationToken ct = default) =>
        await _stores.Violations.GetHistoryAsync(id, ct).ConfigureAwait(false);

    /// <summary>
    /// Validates an uploaded plan, with the definitions folder as the context of its <c>inherits</c> and roster (an
    /// uploaded new version of a plan takes the place of the folder's file of that plan). Findings are reported
    /// against <paramref name="fileName"/>.
    /// </summary>
    /// <param name="yaml">The plan's text.</param>
    /// <param name="fileName">The name to report positions against.</param>
    public IReadOnlyList<PlanDiagnostic> ValidatePlan(string yaml, string fileName)
    {
        var name = string.IsNullOrWhiteSpace(fileName) ? "upload.yaml" : Path.GetFileName(fileName.Replace('\\', '/'));
        var uploadedId = PlanIdOf(yaml ?? "");
        var replaced = uploadedId is not null && _library.FilesByPlan.TryGetValue(uploadedId, out var file) ? file : null;
        var root = Path.GetFullPath(_options.DefinitionsPath);
        var texts = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').SkipLast(1).Contains("activities") && f != replaced && f != name)
                .Select(f => new PlanText(f, File.ReadAllText(Path.Combine(root, f))))
                .ToList()
            : [];
        texts.Add(new PlanText(name, yaml ?? ""));
        return PlanCatalog.LoadTexts(texts, [name]).Diagnostics;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var unit in _units.Values)
        {
            unit.Lock.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static string? PlanIdOf(string yaml)
    {
        var root = PlanReader.Parse(yaml, "upload", new DiagnosticBag());
        return root is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("plan"), out var id) && id is YamlScalarNode { Value: { } text } ? text : null;
    }

    private static async Task CancelSupersededAsync(CampaignStores stores, WorkflowRuntime runtime, PlanLibrary library, ResolvedPlan plan, CancellationToken ct)
    {
        foreach (var older in library.Versions.Where(v => v.Id == plan.Id && v.Version < plan.Version))
        {
            var id = await stores.Workflows.FindInstanceIdAsync(plan.Id, CampaignSignals.InstanceKey(older.Unit.Id, older.Version), ct).ConfigureAwait(false);
            if (id is not null && await runtime.GetInstanceAsync(id, ct).ConfigureAwait(false) is { Status: WorkflowStatus.Running or WorkflowStatus.Faulted })
            {
                await runtime.CancelAsync(id, $"superseded by version {plan.Version}", ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The unit's session: from memory, or rebuilt by replaying its stored records (the caller holds the unit's lock).</summary>
    private async Task<UnitSession> SessionAsync(RunningUnit unit, CancellationToken ct)
    {
        // Another host sharing the store may have recorded for this unit since.
        if (_sessions.Get(unit.SessionKey) is { } kept && await CatchUpAsync(unit, kept, ct).ConfigureAwait(false))
        {
            return kept;
        }

        return (await RebuildAsync(unit, ct).ConfigureAwait(false)).Session;
    }

    /// <summary>
    /// A new session of the unit from its stored records, reconciled with the stored open violations (the caller holds
    /// the unit's lock), with what the reconciliation opened and resolved.
    /// </summary>
    private async Task<(UnitSession Session, IReadOnlyList<StoredViolation> Opened, IReadOnlyList<StoredViolation> Resolved)> RebuildAsync(RunningUnit unit, CancellationToken ct)
    {
        _sessions.Remove(unit.SessionKey);
        var compliance = new UnitCompliance(unit.Rules, unit.Unit.Id);
        var replayed = await _stores.Records.ReadUnitAsync(unit.Unit.Id, cancellationToken: ct).ConfigureAwait(false);
        compliance.Record(replayed.Select(RecordCodec.Decode));
        var last = replayed.Count > 0 ? replayed[^1].Sequence : 0;

        var persisted = new Dictionary<string, StoredViolation>(StringComparer.Ordinal);
        foreach (var id in await _stores.Violations.OpenIdsAsync(unit.Unit.Id, unit.Unit.PlanId, unit.Unit.PlanVersion, ct).ConfigureAwait(false))
        {
            if (await _stores.Violations.GetAsync(id, ct).ConfigureAwait(false) is { } row)
            {
                persisted[id] = row;
            }
        }

        var session = new UnitSession(compliance, persisted) { LastSequence = last };
        // Reconciled at once: the rebuilt session's verdicts against the stored open rows (a repeat is no event).
        var (opened, resolved) = await AdvanceAsync(unit, session, _options.Clock.GetUtcNow(), ct).ConfigureAwait(false);
        _sessions.Put(unit.SessionKey, session);
        _logger.LogDebug("Rebuilt the session of {Unit} from its stored records", unit.Unit.Id);
        return (session, opened, resolved);
    }

    /// <summary>
    /// Feeds the session the unit's records stored after the last one it saw (the caller holds the unit's lock); false
    /// when there are so many that a rebuild is cheaper: inserted into a session whose periods have closed, each record
    /// has every closed period it falls in judged again, while a replay inserts the records before the periods close.
    /// </summary>
    private async Task<bool> CatchUpAsync(RunningUnit unit, UnitSession session, CancellationToken ct)
    {
        var stored = await _stores.Records.ReadUnitAsync(unit.Unit.Id, session.LastSequence, cancellationToken: ct).ConfigureAwait(false);
        if (stored.Count >= ReplayRatherThanInsertFrom)
        {
            return false;
        }

        if (stored.Count > 0)
        {
            session.Compliance.Record(stored.Select(RecordCodec.Decode));
            session.LastSequence = stored[^1].Sequence;
        }

        return true;
    }

    private async Task<(IReadOnlyList<StoredViolation> Opened, IReadOnlyList<StoredViolation> Resolved)> AdvanceAsync(RunningUnit unit, UnitSession session, DateTimeOffset now, CancellationToken ct)
    {
        session.Compliance.AdvanceTo(now);
        return await PersistAsync(unit, session, now, ct).ConfigureAwait(false);
    }

    /// <summary>Stores what the session says now as the difference to what the store holds open.</summary>
    private async Task<(IReadOnlyList<StoredViolation> Opened, IReadOnlyList<StoredViolation> Resolved)> PersistAsync(RunningUnit unit, UnitSession session, DateTimeOffset at, CancellationToken ct)
    {
        var current = session.Compliance.Violations.ToDictionary(v => v.Id, v => ViolationRows.From(v, unit.Unit.Body), StringComparer.Ordinal);
        var updates = new List<ViolationUpdate>();
        foreach (var (id, row) in current.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!session.Persisted.TryGetValue(id, out var stored) || !ViolationLifecycle.SameContent(stored, row))
            {
                updates.Add(new ViolationUpdate(true, at, row));
            }
        }

        foreach (var (id, row) in session.Persisted.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!current.ContainsKey(id))
            {
                updates.Add(new ViolationUpdate(false, at, row));
            }
        }

        if (updates.Count == 0)
        {
            return ([], []);
        }

        var events = await _stores.Violations.ApplyAsync(updates, ct).ConfigureAwait(false);
        session.Persisted.Clear();
        foreach (var (id, row) in current)
        {
            session.Persisted[id] = row;
        }

        var opened = new List<StoredViolation>();
        var resolved = new List<StoredViolation>();
        foreach (var happened in events)
        {
            if (await _stores.Violations.GetAsync(happened.ViolationId, ct).ConfigureAwait(false) is not { } row)
            {
                continue;
            }

            (happened.Kind == ViolationEventKind.Resolved ? resolved : opened).Add(row);
        }

        return (opened, resolved);
    }

    /// <summary>Resumes every bookmark of the unit's instance that its records now satisfy, round after round as resumed steps open new ones.</summary>
    private async Task SignalAsync(RunningUnit unit, UnitSession session, CancellationToken ct)
    {
        var records = session.Compliance.Records.Values.ToArray();
        for (var round = 0; round < MaxSignalRounds; round++)
        {
            if (await _runtime.GetInstanceAsync(unit.InstanceId, ct).ConfigureAwait(false) is not { Status: WorkflowStatus.Running or WorkflowStatus.Faulted } state)
            {
                return;
            }

            var delivered = 0;
            foreach (var signal in BookmarkSignals.For(unit.Campaign, unit.Rules, state, records))
            {
                delivered += (await _runtime.SendSignalAsync(signal, ct).ConfigureAwait(false)).InstancesResumed;
            }

            if (delivered == 0)
            {
                return;
            }
        }
    }
}
