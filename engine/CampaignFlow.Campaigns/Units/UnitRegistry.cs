using System.Collections.Concurrent;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Compliance.Bodies;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Units;

/// <summary>
/// The units this service runs, found by id or by workflow correlation in a dictionary. What a unit needs at run time
/// (its compiled plan, its lock) is made on its first use, so a unit nobody touches costs its entry and nothing more.
/// </summary>
/// <threadsafety>Safe for concurrent use.</threadsafety>
internal sealed class UnitRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, StartedUnit> _byId;
    private readonly ConcurrentDictionary<string, string> _byInstanceKey;
    private readonly Lock _moving = new();
    private readonly ConcurrentDictionary<string, Lazy<RunningUnit>> _running = new(StringComparer.Ordinal);
    private readonly PlanCompilations _compilations;
    private readonly ILookup<string, CampaignUnit> _builtOn;

    /// <param name="started">The units that run, one entry per unit id.</param>
    /// <param name="compilations">Where each unit's plan is compiled on first use.</param>
    /// <param name="plans">
    /// Every loaded plan (the highest version of each, by plan id), for what the running units' plans do not say:
    /// where a body that runs no campaign stands, and which plans a unit's plan inherits. Null for none.
    /// </param>
    /// <param name="organisation">The organisation files' units, for the bodies among them that run nothing; null for none.</param>
    public UnitRegistry(IReadOnlyList<StartedUnit> started, PlanCompilations compilations, IReadOnlyList<ResolvedPlan>? plans = null, OrganisationChart? organisation = null)
    {
        _compilations = compilations;
        _byId = new(started.Select(u => KeyValuePair.Create(u.Unit.Id, u)), StringComparer.Ordinal);
        _byInstanceKey = new(started.Select(u => KeyValuePair.Create(CampaignSignals.InstanceKey(u.Unit.Id, u.Unit.PlanVersion), u.Unit.Id)), StringComparer.Ordinal);
        PlansByUnit = new(started.Select(u => KeyValuePair.Create(u.Unit.Id, u.Plan)), StringComparer.Ordinal);

        // A body several plans name stands where the first by plan id says, as a unit with several plans runs the first.
        var parents = (plans ?? [])
            .Where(p => p.Template is null && p.Unit.Parent is not null && !_byId.ContainsKey(p.Unit.Id))
            .GroupBy(p => p.Unit.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id, StringComparer.Ordinal).First().Unit.Parent!, StringComparer.Ordinal);
        foreach (var body in (organisation ?? OrganisationChart.Empty).Units.Where(u => u.Parent is not null && !_byId.ContainsKey(u.Id)))
        {
            parents.TryAdd(body.Id, body.Parent!); // a body of the organisation files that runs nothing itself
        }
        // A body is named by its line in the organisation files, else by a plan of its own that does not run here.
        var names = (organisation ?? OrganisationChart.Empty).Units.Where(u => !_byId.ContainsKey(u.Id))
            .GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        foreach (var plan in (plans ?? []).Where(p => p.Template is null && !_byId.ContainsKey(p.Unit.Id)).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            names.TryAdd(plan.Unit.Id, plan.Unit.Name);
        }

        Bodies = [.. started.Where(u => u.Plan.Requirements.Any(r => r.Across is not null)).Select(u => u.Unit.Id)];
        Tree = new OrganisationTree(started.Select(u => u.Unit).ToArray(), parents, names) { Groups = organisation?.Groups ?? [] };

        var byId = (plans ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
        _builtOn = started
            .SelectMany(u => Lineage(u.Plan, byId).Select(planId => (PlanId: planId, u.Unit)))
            .ToLookup(x => x.PlanId, x => x.Unit, StringComparer.Ordinal);
    }

    /// <summary>The plan version each running unit runs, by unit id; a migration replaces an entry.</summary>
    public ConcurrentDictionary<string, ResolvedPlan> PlansByUnit { get; }

    /// <summary>The unit as it would run <paramref name="started"/>, made without registering it (a migration's dry run).</summary>
    public RunningUnit Prepare(StartedUnit started) => Run(started);

    /// <summary>
    /// Makes <paramref name="moved"/> the unit's entry: its plan version, its instance, the unit in the tree. The caller
    /// holds the unit's lock, which the moved unit keeps, so whoever waits for it next works on the new version.
    /// </summary>
    public RunningUnit Move(RunningUnit current, StartedUnit moved)
    {
        var running = Run(moved) with { Lock = current.Lock };
        lock (_moving)
        {
            _byId[moved.Unit.Id] = moved;
            _byInstanceKey.TryRemove(CampaignSignals.InstanceKey(current.Unit.Id, current.Unit.PlanVersion), out _);
            _byInstanceKey[CampaignSignals.InstanceKey(moved.Unit.Id, moved.Unit.PlanVersion)] = moved.Unit.Id;
            _running[moved.Unit.Id] = new Lazy<RunningUnit>(running);
            PlansByUnit[moved.Unit.Id] = moved.Plan;
            Tree.Replace(moved.Unit);
        }

        return running;
    }

    /// <summary>The running units whose plans have requirements over the units below them (<c>acrossUnits</c>).</summary>
    public IReadOnlyList<string> Bodies { get; }

    /// <summary>The running units in their hierarchy.</summary>
    public OrganisationTree Tree { get; }

    /// <summary>
    /// The running units whose plan is <paramref name="planId"/> or inherits it, at any depth, in the order of
    /// <see cref="OrganisationTree.All"/>; empty when none.
    /// </summary>
    public IReadOnlyList<CampaignUnit> BuiltOn(string planId) => _builtOn[planId].ToArray();

    /// <summary>The running unit with this id, made on first use; or null.</summary>
    public RunningUnit? Find(string unitId) =>
        _byId.TryGetValue(unitId, out var started) ? _running.GetOrAdd(unitId, _ => new Lazy<RunningUnit>(() => Run(started))).Value : null;

    /// <summary>The running unit of a workflow instance's correlation key, or null (an instance of a superseded version).</summary>
    public RunningUnit? FindByInstanceKey(string correlationKey) =>
        _byInstanceKey.TryGetValue(correlationKey, out var unitId) ? Find(unitId) : null;

    public void Dispose()
    {
        foreach (var unit in _running.Values.Where(u => u.IsValueCreated))
        {
            unit.Value.Lock.Dispose();
        }
    }

    // The plan and the plans it inherits, nearest first; a circle (reported when plans load) ends the walk.
    private static IEnumerable<string> Lineage(ResolvedPlan plan, Dictionary<string, ResolvedPlan> byId)
    {
        yield return plan.Id;
        var seen = new HashSet<string>(StringComparer.Ordinal) { plan.Id };
        for (var parent = plan.Inherits; parent is not null && seen.Add(parent); parent = byId.GetValueOrDefault(parent)?.Inherits)
        {
            yield return parent;
        }
    }

    private RunningUnit Run(StartedUnit started)
    {
        var across = started.Plan.Requirements.Where(r => r.Across is not null).ToArray();
        if (across.Length == 0)
        {
            return new(started.Unit, _compilations.For(started.Plan), started.InstanceId);
        }

        // A body's requirements over its units are judged with those units' names and kinds: compiled for this body.
        var below = Tree.Under(started.Unit.Id).Where(u => u.Id != started.Unit.Id).ToArray();
        var groups = Tree.Groups.ToDictionary(g => g.Id, g => g.Name, StringComparer.Ordinal);
        // Members are read from the rosters only for a body that counts them (a province's units' people are many).
        var countsMembers = across.Any(r => r.Across!.Members is not null);
        var compiled = _compilations.ForBody(started.Plan, started.Unit.Id,
            [.. below.Select(u => new UnitBelow(u.Id, u.Name, u.Kind, u.Group is { } g && groups.TryGetValue(g, out var name) ? (g, name) : null)
            {
                Members = countsMembers ? MembersOf(u.Id) : [],
            })]);
        return new(started.Unit, compiled, started.InstanceId)
        {
            Below = new RecordsBelow(
                below.Select(u => u.Id).ToHashSet(StringComparer.Ordinal),
                KindsRead(started.Plan, across)),
        };
    }

    // The people of a unit's roster; a unit on its template has none (its plan is the template's, for a stand-in).
    private IReadOnlyList<MemberBelow> MembersOf(string unitId) =>
        _byId.TryGetValue(unitId, out var unit) && unit.Plan.Template is null
            ? [.. unit.Plan.Roster.People.Select(p => new MemberBelow(p.Id, p.Name, [.. p.Roles], p.Rank))]
            : [];

    // The stored kinds the judges of the body's requirements over its units read: each requirement's own subject, and
    // the subjects of the actions it is ordered after or before, or gates (the units' records of those are judged too).
    private static HashSet<string> KindsRead(ResolvedPlan plan, IEnumerable<Plans.Requirements.Requirement> across)
    {
        string? SubjectOf(string actionId) => plan.Actions.FirstOrDefault(a => a.Id == actionId)?.Requirements.FirstOrDefault()?.Subject.Id;
        return across
            .SelectMany(r => r switch
            {
                Plans.Requirements.Order o => o.After.Concat(o.Before).Select(SubjectOf),
                Plans.Requirements.ApprovalGate g => g.Gates.Select(SubjectOf),
                _ => [],
            })
            .OfType<string>()
            .Concat(across.Select(r => r.Subject.Id))
            .ToHashSet(StringComparer.Ordinal);
    }
}

