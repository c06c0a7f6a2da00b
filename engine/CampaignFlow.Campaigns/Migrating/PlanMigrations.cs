using System.Globalization;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Reconciling;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Campaigns.Verdicts;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Plans.Comparison;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Text;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Campaigns.Migrating;

/// <summary>
/// Moves running units to another stored version of their plan, or says what that would change (docs/adr/0015). The
/// forecast and the move judge the same thing — the unit's stored records under the target version, against the open
/// violations the store holds for the unit's plan — and the move computes it again under the unit's lock, so what is
/// applied is what the forecast said for the records stored at that moment. The move is stored first as an entry of the
/// unit's record log (<see cref="MigrationMark"/>), which every host that owns or later starts with the unit follows
/// (docs/adr/0026).
/// </summary>
internal sealed class PlanMigrations(
    PlanLibrary library,
    PlanVersionCatchUp published,
    MigrationFollower follower,
    UnitRegistry units,
    UnitSessions sessions,
    CampaignQueries queries,
    DerivedState derived,
    IWorkflowStore workflows,
    IRecordStore records,
    TimeProvider clock)
{
    /// <summary>Instance variable naming the version a migrated unit's instance took over from.</summary>
    public const string MigratedFrom = "migratedFrom";

    /// <summary>Instance variable naming who migrated the unit.</summary>
    public const string MigratedBy = "migratedBy";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The forecast (dry run) or the move; null for a plan with no stored version.</summary>
    /// <exception cref="MigrationRefusedException">Nothing was written: see its code.</exception>
    public async Task<PlanMigration?> MigrateAsync(MigrationRequest request, CancellationToken ct)
    {
        // A version published since the start, through any host, is a target at once.
        await published.CatchUpAsync(request.PlanId, ct).ConfigureAwait(false);
        var versions = library.Versions.Where(v => v.Id == request.PlanId).OrderBy(v => v.Version).ToArray();
        if (versions.Length == 0)
        {
            return null;
        }

        var target = versions.FirstOrDefault(v => v.Version == request.ToVersion)
            ?? throw Refused("unknown-version", request.PlanId, request.ToVersion.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", versions.Select(v => v.Version.ToString(CultureInfo.InvariantCulture))));
        await FollowStoredAsync(request.PlanId, ct).ConfigureAwait(false);
        var onPlan = units.Tree.All.Where(u => u.PlanId == request.PlanId).ToArray();
        if (request.Units.FirstOrDefault(id => !onPlan.Any(u => u.Id == id)) is { } stranger)
        {
            throw Refused("unit-not-on-plan", stranger, request.PlanId);
        }

        // A unit already on the target has nothing to move.
        var moving = onPlan
            .Where(u => (request.Units.Count == 0 || request.Units.Contains(u.Id, StringComparer.Ordinal)) && u.PlanVersion != target.Version)
            .Select(u => units.Find(u.Id)!)
            .ToArray();
        var ranBefore = await workflows.FindInstancesAsync(target.Id, [.. moving.Select(u => CampaignSignals.InstanceKey(u.Unit.Id, target.Version))], ct).ConfigureAwait(false);
        if (moving.FirstOrDefault(u => ranBefore.ContainsKey(CampaignSignals.InstanceKey(u.Unit.Id, target.Version))) is { } back)
        {
            // An instance's key is the unit and version: the one it left is there, cancelled, and would be resumed as such.
            throw Refused("version-run-before", back.Unit.Id, target.Version.ToString(CultureInfo.InvariantCulture), target.Id);
        }

        var now = clock.GetUtcNow();
        var forecast = new List<UnitMigration>(moving.Length);
        foreach (var unit in moving)
        {
            forecast.Add(await ForecastAsync(unit, target, now, ct).ConfigureAwait(false));
        }

        var dryRun = new PlanMigration(target.Id, target.Version, false, forecast);
        if (request.DryRun)
        {
            return dryRun; // it says what would be lost; only applying it is refused
        }

        if (!request.AcceptLostProgress && forecast.Any(f => f.LostProgress.Count > 0))
        {
            var lost = forecast.SelectMany(f => f.LostProgress.Select(l => (f.UnitId, l))).ToArray();
            var version = target.Version.ToString(CultureInfo.InvariantCulture);
            throw new MigrationRefusedException("lost-progress",
                CatalogMessages.Format("migration-lost-progress", Chinese, version, string.Join("；", lost.Select(l => $"{l.UnitId}：{l.l.MessageZh}"))),
                CatalogMessages.Format("migration-lost-progress", English, version, string.Join("; ", lost.Select(l => $"{l.UnitId}: {l.l.MessageEn}"))),
                dryRun);
        }

        var applied = new List<UnitMigration>(moving.Length);
        foreach (var unit in moving)
        {
            applied.Add(await sessions.WithLocksAsync(unit, () => MoveAsync(unit.Unit.Id, target, request.By, ct), ct).ConfigureAwait(false));
        }

        return new PlanMigration(target.Id, target.Version, true, applied);
    }

    /// <summary>The unit's migrations, oldest first, read from its instances of each stored version; null for a unit that does not run.</summary>
    public async Task<IReadOnlyList<MigrationStep>?> HistoryAsync(string unitId, CancellationToken ct)
    {
        if (units.Tree.Find(unitId) is not { } unit)
        {
            return null;
        }

        // A migration through another host may be to a version published there since this host started.
        await published.CatchUpAsync(unit.PlanId, ct).ConfigureAwait(false);
        var keys = library.Versions.Where(v => v.Id == unit.PlanId).Select(v => CampaignSignals.InstanceKey(unitId, v.Version)).ToArray();
        var found = await workflows.FindInstancesAsync(unit.PlanId, keys, ct).ConfigureAwait(false);
        var states = await workflows.GetInstancesAsync([.. found.Values.Select(f => f.InstanceId)], ct).ConfigureAwait(false);
        return [.. states.Values
            .Where(s => s.Variables?.ContainsKey(MigratedFrom) == true)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new MigrationStep(unitId, unit.PlanId, int.Parse(s.Variables![MigratedFrom], CultureInfo.InvariantCulture),
                s.DefinitionVersion, s.Variables.GetValueOrDefault(MigratedBy) ?? "", s.CreatedAt))];
    }

    // The units of the plan whose record logs say they were migrated (through another host) to a version this host's
    // memory does not run yet: each taken under its locks, which follows the migration, before anything is compared
    // with what they run. All marks are one read by kind.
    private async Task FollowStoredAsync(string planId, CancellationToken ct)
    {
        var marks = await records.ReadKindsAsync([MigrationMark.Kind], cancellationToken: ct).ConfigureAwait(false);
        var last = marks.GroupBy(m => m.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => MigrationMark.Decode(g.Last()), StringComparer.Ordinal);
        foreach (var unit in units.Tree.All.Where(u => u.PlanId == planId).ToArray())
        {
            if (last.TryGetValue(unit.Id, out var mark) && mark.PlanId == planId && mark.ToVersion != unit.PlanVersion && units.Find(unit.Id) is { } running)
            {
                await sessions.WithSessionAsync(running, (current, _) => Task.FromResult(current), ct).ConfigureAwait(false);
            }
        }
    }

    // Under the unit's locks. The order of the writes is what a crash leaves safe (docs/adr/0026): the move is stored
    // first, as an entry of the unit's record log, which leaves the unit behind its records until it is judged, so a host
    // that stops before the end has the reconciler of the unit's owner carry the move out from the entry; the target's
    // instance is started before the old one is cancelled, so at every moment one runs, and the start keeps the one
    // started last; the violations follow from a rebuild that resolves what the store holds open of any other version.
    private async Task<UnitMigration> MoveAsync(string unitId, ResolvedPlan target, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The store first says what the unit's version says now, so the move changes exactly what the forecast says (and
        // a move another host stored since the unit was looked at is followed first).
        var (current, judged) = await sessions.RebuildFollowingAsync(units.Find(unitId)!, ct).ConfigureAwait(false);
        await derived.CompleteAsync(current, judged, now, ct).ConfigureAwait(false);
        var forecast = await ForecastAsync(current, target, now, ct).ConfigureAwait(false);
        if (current.Unit.PlanVersion == target.Version)
        {
            return forecast; // moved there meanwhile through another host: nothing changes
        }

        var mark = new MigrationMark(target.Id, current.Unit.PlanVersion, target.Version, by);
        var stored = await records.AppendAsync([mark.Encode(unitId, now)], ct).ConfigureAwait(false);
        if (stored[0].Outcome == AppendOutcome.Conflict)
        {
            throw new InvalidOperationException($"Unit '{unitId}' has another migration to version {target.Version} of plan '{target.Id}' stored.");
        }

        var moved = await follower.FollowAsync(current, mark, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Version {target.Version} of plan '{target.Id}' cannot be run.");
        var session = await sessions.RebuildMovedAsync(current, moved, ct).ConfigureAwait(false);
        await derived.CompleteAsync(moved, session, now, ct).ConfigureAwait(false);
        return forecast;
    }

    private static Service.CampaignUnit On(RunningUnit unit, ResolvedPlan target) =>
        unit.Unit with { PlanVersion = target.Version, Title = target.Title };

    private async Task<UnitMigration> ForecastAsync(RunningUnit current, ResolvedPlan target, DateTimeOffset now, CancellationToken ct)
    {
        var moved = units.Prepare(new StartedUnit(On(current, target), target, current.InstanceId));
        // Both versions judge the stored records at the same moment, so a unit whose stored violations lag the clock
        // (not ticked since a restart) is compared as it stands, not as it was last persisted.
        var after = await JudgeAsync(moved, now, ct).ConfigureAwait(false);
        var before = await JudgeAsync(current, now, ct).ConfigureAwait(false);
        var (from, to) = (current.Plan, moved.Plan);
        var today = Today(from, now);
        var waiting = (await queries.GetStateAsync(current.Unit.Id, ct).ConfigureAwait(false))?.WaitingGates.Select(g => g.ActionId).ToHashSet(StringComparer.Ordinal) ?? [];
        var (reopening, lost) = Gates(from, to, today, waiting, before.Values.Select(v => v.ActionId).ToHashSet(StringComparer.Ordinal));
        lost.AddRange(Windows(from, to, today));
        return new UnitMigration(
            current.Unit.Id,
            current.Unit.Name,
            current.Unit.PlanVersion,
            target.Version,
            [.. PlanComparison.Compare(from, to).Where(c => c.Subject != "version")],
            [.. after.Where(a => !before.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => View(a.Key, a.Value))],
            [.. before.Where(b => !after.ContainsKey(b.Key)).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => View(b.Key, b.Value))],
            reopening,
            lost);
    }

    // What a unit's stored records say under the unit's plan version at now, in a session of its own that is never
    // persisted, by violation key.
    private async Task<Dictionary<string, StoredViolation>> JudgeAsync(RunningUnit unit, DateTimeOffset now, CancellationToken ct)
    {
        var compliance = new UnitCompliance(unit.Compiled.Rules, unit.Unit.Id);
        compliance.Record(MigrationMark.Decoded(await records.ReadUnitAsync(unit.Unit.Id, cancellationToken: ct).ConfigureAwait(false)));
        if (unit.Below is { } below)
        {
            var stored = await records.ReadKindsAsync(below.Kinds, cancellationToken: ct).ConfigureAwait(false);
            compliance.RecordBelow(stored.Where(r => below.Units.Contains(r.Unit)).Select(RecordCodec.Decode));
        }

        compliance.AdvanceTo(now);
        return compliance.Violations.Select(v => ViolationRows.From(v, unit.Unit.Body)).ToDictionary(Key, StringComparer.Ordinal);
    }

    // A violation's id without its unit, plan and version: the same violation under any version.
    private static string Key(StoredViolation v) => v.Id[$"{v.Unit}/{v.PlanId}@{v.PlanVersion}/".Length..];

    private static MigrationViolation View(string key, StoredViolation v) =>
        new(v.RequirementId, v.Period, v.Target, v.MessageZh, v.MessageEn) { Key = key };

    private static DateOnly Today(ResolvedPlan plan, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, CampaignFlow.Plans.Zones.PlanTimeZone.Of(plan.TimeZone)).DateTime);

    // A gate is passed when its window has opened, its workflow waits for no approval of it and no violation of its
    // action is open. One the target removes is lost progress; one whose chain the target lengthens re-opens.
    private static (List<MigrationNote> Reopening, List<MigrationNote> Lost) Gates(
        ResolvedPlan from, ResolvedPlan to, DateOnly today, HashSet<string> waiting, HashSet<string> openActions)
    {
        var (reopening, lost) = (new List<MigrationNote>(), new List<MigrationNote>());
        var version = to.Version.ToString(CultureInfo.InvariantCulture);
        foreach (var action in from.Actions)
        {
            if (GateOf(action) is not { } gate || action.Window.Start > today || waiting.Contains(action.Id) || openActions.Contains(action.Id))
            {
                continue;
            }

            var next = to.Actions.FirstOrDefault(a => a.Id == action.Id) is { } kept ? GateOf(kept) : null;
            if (next is null)
            {
                lost.Add(Note("gate-removed", action.Id, "migration-gate-removed", [action.Title, version], [action.Title, version]));
            }
            else if (next.Chain.Except(gate.Chain, StringComparer.Ordinal).ToArray() is { Length: > 0 } added)
            {
                reopening.Add(Note("gate-reopens", action.Id, "migration-gate-reopens",
                    [action.Title, version, string.Join("、", added)], [action.Title, version, string.Join(", ", added)]));
            }
        }

        return (reopening, lost);
    }

    // A phase or action whose window has closed and which the target moves (or drops): what was done in it was judged
    // against days that are no longer its days.
    private static IEnumerable<MigrationNote> Windows(ResolvedPlan from, ResolvedPlan to, DateOnly today)
    {
        var version = to.Version.ToString(CultureInfo.InvariantCulture);
        var nextPhases = to.AllPhases.ToDictionary(p => p.Id, p => p.Window, StringComparer.Ordinal);
        var nextActions = to.Actions.ToDictionary(a => a.Id, a => a.Window, StringComparer.Ordinal);
        var closed = from.AllPhases.Select(p => (p.Id, p.Title, p.Window, Next: nextPhases.GetValueOrDefault(p.Id)))
            .Concat(from.Actions.Select(a => (a.Id, a.Title, a.Window, Next: nextActions.GetValueOrDefault(a.Id))))
            .Where(w => w.Window.End < today && w.Next != w.Window);
        // A deadline is a window that closes on its day: one already past and moved is moved after its close.
        var nextDeadlines = to.Actions.SelectMany(a => a.Requirements.OfType<Deadline>().Select(d => (a.Id, d.By)))
            .ToDictionary(d => d.Id, d => d.By, StringComparer.Ordinal);
        var passed = from.Actions.SelectMany(a => a.Requirements.OfType<Deadline>().Select(d => (a.Id, a.Title, d.By)))
            .Where(d => d.By < today && (!nextDeadlines.TryGetValue(d.Id, out var by) || by != d.By))
            .Select(d => (d.Id, d.Title, Window: new DateWindow(d.By, d.By), Next: nextDeadlines.TryGetValue(d.Id, out var by) ? new DateWindow(by, by) : null));
        foreach (var (id, title, window, next) in closed.Concat(passed))
        {
            yield return Note("window-moved", id, "migration-window-moved",
                [title, DateWindowWords.Of(window, true), version, next is null ? "-" : DateWindowWords.Of(next, true)],
                [title, DateWindowWords.Of(window, false), version, next is null ? "-" : DateWindowWords.Of(next, false)]);
        }
    }

    private static ApprovalGate? GateOf(ResolvedAction action) =>
        action.Requirements.OfType<ApprovalGate>().FirstOrDefault(g => g.Chain.Count > 0);

    private static MigrationNote Note(string kind, string id, string code, string[] zh, string[] en) =>
        new(kind, id, CatalogMessages.Format(code, Chinese, zh), CatalogMessages.Format(code, English, en));

    private static MigrationRefusedException Refused(string code, params string[] arguments) =>
        new(code, CatalogMessages.Format("migration-" + code, Chinese, arguments), CatalogMessages.Format("migration-" + code, English, arguments), arguments: arguments);
}
