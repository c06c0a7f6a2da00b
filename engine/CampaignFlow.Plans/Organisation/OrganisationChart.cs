using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Organisation;

/// <summary>
/// The bodies and units of the organisation files, checked against each other and against the plans: each unit
/// without a plan of its own is given the template its nearest body issues for its kind. Built in time linear in the
/// number of units (a province lists tens of thousands).
/// </summary>
public sealed class OrganisationChart
{
    private readonly Dictionary<string, ResolvedUnit> _units;
    private readonly Dictionary<string, string> _templateByUnit;

    private readonly Dictionary<string, SupervisionGroup> _groupOfUnit;

    private OrganisationChart(Dictionary<string, ResolvedUnit> units, Dictionary<string, string> templateByUnit, IReadOnlyList<ResolvedUnit> inOrder, IReadOnlyList<SupervisionGroup> groups)
    {
        _units = units;
        _templateByUnit = templateByUnit;
        Units = inOrder;
        Groups = groups;
        _groupOfUnit = new Dictionary<string, SupervisionGroup>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var unit in group.Units)
            {
                _groupOfUnit.TryAdd(unit, group);
            }
        }
    }

    /// <summary>A chart of no units.</summary>
    public static OrganisationChart Empty { get; } = new([], [], [], []);

    /// <summary>The supervision groups of the groups files, each with the units it covers (a unit in one group only).</summary>
    public IReadOnlyList<SupervisionGroup> Groups { get; }

    /// <summary>The supervision group that covers the unit, or null.</summary>
    /// <param name="unitId">A unit id.</param>
    public SupervisionGroup? GroupOf(string unitId) => _groupOfUnit.GetValueOrDefault(unitId);

    /// <summary>Every body and unit of the organisation files, once each, in file order.</summary>
    public IReadOnlyList<ResolvedUnit> Units { get; }

    /// <summary>The unit with this id in the organisation files, or null.</summary>
    /// <param name="id">A unit id.</param>
    public ResolvedUnit? Find(string id) => _units.GetValueOrDefault(id);

    /// <summary>The id of the template plan the unit runs, or null when it has a plan of its own or runs none (a body).</summary>
    /// <param name="unitId">A unit id.</param>
    public string? TemplateOf(string unitId) => _templateByUnit.GetValueOrDefault(unitId);

    /// <summary>The units that run a template, with the template's plan id, in file order.</summary>
    public IEnumerable<(ResolvedUnit Unit, string TemplateId)> UnitsOnTemplates =>
        Units.Where(u => _templateByUnit.ContainsKey(u.Id)).Select(u => (u, _templateByUnit[u.Id]));

    /// <summary>Checks the entries and gives each unit without a plan its template.</summary>
    /// <param name="entries">The entries of every organisation file, in file order.</param>
    /// <param name="plans">Every resolved plan: units' plans name units (and their parents), templates serve kinds.</param>
    /// <param name="diagnostics">Receives every finding, at the entry's file, line and column.</param>
    /// <param name="groups">The supervision groups of the groups files, or null for none.</param>
    /// <param name="unloaded">
    /// The templates whose plans failed to load, or null for none: their own findings say why, so the units they would
    /// serve are not each reported again as having no template.
    /// </param>
    public static OrganisationChart Build(IReadOnlyList<UnitSpec> entries, IEnumerable<ResolvedPlan> plans, DiagnosticBag diagnostics, IReadOnlyList<GroupSpec>? groups = null, IReadOnlyCollection<ResolvedTemplate>? unloaded = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ordered = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        var planOfUnit = new Dictionary<string, ResolvedPlan>(StringComparer.Ordinal);
        var templates = new Dictionary<(string Body, string Kind), ResolvedPlan>();
        foreach (var plan in ordered)
        {
            if (plan.Template is { } template)
            {
                foreach (var kind in template.AppliesTo)
                {
                    if (!templates.TryAdd((template.Body, kind), plan))
                    {
                        diagnostics.Warning("several-templates", template.KindsAt, templates[(template.Body, kind)].Id, plan.Id, kind, template.Body);
                    }
                }
            }
            else
            {
                planOfUnit.TryAdd(plan.Unit.Id, plan);
            }
        }

        var byId = new Dictionary<string, UnitSpec>(StringComparer.Ordinal);
        var units = new Dictionary<string, ResolvedUnit>(StringComparer.Ordinal);
        var inOrder = new List<ResolvedUnit>(entries.Count);
        foreach (var entry in entries)
        {
            if (!byId.TryAdd(entry.Id, entry))
            {
                diagnostics.Error("duplicate-unit", entry.At("id"), entry.Id, byId[entry.Id].At("id").ToString());
                continue;
            }

            var unit = new ResolvedUnit(entry.Id, entry.Name, entry.Kind, entry.Parent);
            units[entry.Id] = unit;
            inOrder.Add(unit);
            if (planOfUnit.TryGetValue(entry.Id, out var own) && own.Unit != unit)
            {
                diagnostics.Warning("unit-differs-from-plan", entry.At("id"), own.Id, entry.Id, Describe(own.Unit), Describe(unit));
            }
        }

        // Bodies known from plans only (a unit's plan names its parent; 魏都区委's names 许昌市). A template's unit is a
        // stand-in named after the plan, no body: a unit whose parent is a template's plan id has an unknown parent.
        var known = new HashSet<string>(byId.Keys, StringComparer.Ordinal);
        foreach (var plan in ordered.Where(p => p.Template is null))
        {
            known.Add(plan.Unit.Id);
            if (plan.Unit.Parent is { } parent)
            {
                known.Add(parent);
            }
        }

        foreach (var plan in ordered)
        {
            // A template issued by a body nobody lists serves no unit: say so at the template, not at each unit.
            if (plan.Template is { Body.Length: > 0 } template && !known.Contains(template.Body))
            {
                diagnostics.ErrorWithSuggestion("unknown-template-body", template.BodyAt, NameSuggester.Closest(template.Body, known), template.Body, plan.Id);
            }
        }

        var failed = new HashSet<(string Body, string Kind)>();
        foreach (var template in unloaded ?? [])
        {
            failed.UnionWith(template.AppliesTo.Select(k => (template.Body, k)));
        }

        string? ParentOf(string id) => units.TryGetValue(id, out var u) ? u.Parent : planOfUnit.GetValueOrDefault(id)?.Unit.Parent;

        // A body of the files that only a plan's unit names as its parent (番禺区委 above 番禺区总工会) has children too:
        // it is there to be named, not a unit at the bottom of the tree with nothing to run.
        var hasChildren = new HashSet<string>(ordered.Where(p => p.Template is null).Select(p => p.Unit.Parent).OfType<string>(), StringComparer.Ordinal);
        foreach (var entry in byId.Values)
        {
            if (entry.Parent is not { } parent)
            {
                continue;
            }

            hasChildren.Add(parent);
            if (!known.Contains(parent))
            {
                diagnostics.ErrorWithSuggestion("unknown-parent", entry.At("parent"), NameSuggester.Closest(parent, known), parent);
            }
        }

        var inCycle = CheckCycles(byId, ParentOf, diagnostics);
        var templateByUnit = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in byId.Values.Where(e => !planOfUnit.ContainsKey(e.Id) && !inCycle.Contains(e.Id)))
        {
            var (template, unloadedServes) = entry.Kind is { } kind ? NearestTemplate(entry.Parent, kind, ParentOf, templates, failed) : (null, false);
            if (template is not null)
            {
                templateByUnit[entry.Id] = template.Id;
            }
            else if (!unloadedServes && entry.Kind is not null && !hasChildren.Contains(entry.Id) && (entry.Parent is null || known.Contains(entry.Parent)))
            {
                // A body may run nothing itself; a unit at the bottom of the tree with nothing to run is a mistake. A
                // line without a kind is a body named for its name (番禺区委), which no template could serve anyway:
                // its units may be plans that failed to load, which this chart does not see.
                diagnostics.Error("no-template-for-kind", entry.Has("kind") ? entry.At("kind") : entry.At("id"), entry.Kind ?? "-", entry.Id);
            }
        }

        // Every unit that runs something, for the groups: the files' units and the plans' own.
        var running = inOrder.Concat(ordered.Where(p => p.Template is null && !units.ContainsKey(p.Unit.Id)).Select(p => p.Unit))
            .DistinctBy(u => u.Id).ToArray();
        var resolvedGroups = ResolveGroups(groups ?? [], running, known, diagnostics);
        return new OrganisationChart(units, templateByUnit, inOrder, resolvedGroups);
    }

    private static List<SupervisionGroup> ResolveGroups(IReadOnlyList<GroupSpec> specs, IReadOnlyList<ResolvedUnit> running, HashSet<string> known, DiagnosticBag diagnostics)
    {
        var resolved = new List<SupervisionGroup>();
        var byId = new Dictionary<string, GroupSpec>(StringComparer.Ordinal);
        var coveredBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var kinds = running.Select(u => u.Kind).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // Each unit's children, once: a group's subtree is then walked down from its body, not up from every unit.
        var children = running.Where(u => u.Parent is not null).ToLookup(u => u.Parent!, u => u.Id, StringComparer.Ordinal);
        var byName = new Dictionary<string, GroupSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (!byId.TryAdd(spec.Id, spec))
            {
                diagnostics.Error("duplicate-group", spec.At("id"), spec.Id, byId[spec.Id].At("id").ToString());
                continue;
            }

            // A reviewer token naming a group by its name (as plans do) would review both: tokens should name the id.
            if (!byName.TryAdd(spec.Name, spec))
            {
                diagnostics.Warning("duplicate-group-name", spec.At("name"), spec.Name, byName[spec.Name].Id, spec.Id);
            }

            var covers = spec.Covers;
            var listed = covers.Units ?? [];
            for (var i = 0; i < listed.Count; i++)
            {
                if (!known.Contains(listed[i]))
                {
                    diagnostics.ErrorWithSuggestion("unknown-unit", covers.At($"units[{i}]"), NameSuggester.Closest(listed[i], known), listed[i]);
                }
            }

            for (var i = 0; i < (covers.Kinds?.Count ?? 0); i++)
            {
                if (!kinds.Contains(covers.Kinds![i]))
                {
                    diagnostics.ErrorWithSuggestion("unknown-unit-kind", covers.At($"kinds[{i}]"), NameSuggester.Closest(covers.Kinds[i], kinds), covers.Kinds[i]);
                }
            }

            if (covers.Under is { } under && !known.Contains(under))
            {
                diagnostics.ErrorWithSuggestion("unknown-unit", covers.At("under"), NameSuggester.Closest(under, known), under);
            }

            var below = covers.Under is null ? null : Descendants(covers.Under, children);

            var byKindOrSubtree = covers.Kinds is null && covers.Under is null ? []
                : running.Where(u => (covers.Kinds is null || (u.Kind is not null && covers.Kinds.Contains(u.Kind))) && (below is null || below.Contains(u.Id)));
            var mine = new List<string>();
            var overlaps = new Dictionary<string, (string First, int Count)>(StringComparer.Ordinal);
            foreach (var unit in listed.Where(known.Contains).Concat(byKindOrSubtree.Select(u => u.Id)).Distinct(StringComparer.Ordinal))
            {
                if (coveredBy.TryAdd(unit, spec.Id))
                {
                    mine.Add(unit);
                }
                else
                {
                    var other = coveredBy[unit];
                    overlaps[other] = overlaps.TryGetValue(other, out var seen) ? (seen.First, seen.Count + 1) : (unit, 1);
                }
            }

            // One finding per pair of groups, not per unit: two overlapping groups of a province would say it 100,000 times.
            foreach (var (other, (first, count)) in overlaps)
            {
                diagnostics.Warning("unit-in-several-groups", spec.At("covers"), count == 1 ? first : $"{first} (+{count - 1})", other, spec.Id);
            }

            if (mine.Count == 0 && !covers.Damaged)
            {
                diagnostics.Error("group-covers-nothing", spec.At("covers"), spec.Id);
            }

            resolved.Add(new SupervisionGroup(spec.Id, spec.Name, spec.Leader, spec.Members ?? [], mine));
        }

        return resolved;
    }

    // The nearest body's template for the kind, or whether the nearest one is a template that failed to load.
    private static HashSet<string> Descendants(string body, ILookup<string, string> children)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([body]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var child in children[next])
            {
                // A unit met twice is a cycle (reported with the units); walking it once ends the walk.
                if (child != body && found.Add(child))
                {
                    pending.Enqueue(child);
                }
            }
        }

        return found;
    }

    private static (ResolvedPlan? Template, bool Unloaded) NearestTemplate(string? body, string kind, Func<string, string?> parentOf, Dictionary<(string, string), ResolvedPlan> templates, HashSet<(string, string)> unloaded)
    {
        // Bounded: cycles were reported (and their units left out) before; a parent chain of plans only is short.
        for (var depth = 0; body is not null && depth < 64; depth++, body = parentOf(body))
        {
            if (templates.TryGetValue((body, kind), out var template))
            {
                return (template, false);
            }

            if (unloaded.Contains((body, kind)))
            {
                return (null, true);
            }
        }

        return (null, false);
    }

    private static HashSet<string> CheckCycles(Dictionary<string, UnitSpec> byId, Func<string, string?> parentOf, DiagnosticBag diagnostics)
    {
        // Each unit is walked once: a walk stops at a unit an earlier walk finished.
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var inCycle = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in byId.Keys)
        {
            var path = new List<string>();
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            for (var id = start; id is not null && !finished.Contains(id); id = parentOf(id))
            {
                if (!onPath.Add(id))
                {
                    var cycle = path.Skip(path.IndexOf(id)).ToList();
                    inCycle.UnionWith(cycle);
                    if (cycle.Where(byId.ContainsKey).Min(StringComparer.Ordinal) is { } first)
                    {
                        cycle.Add(id);
                        diagnostics.Error("parent-cycle", byId[first].At("parent"), string.Join(" → ", cycle));
                    }

                    break;
                }

                path.Add(id);
            }

            finished.UnionWith(path);
        }

        return inCycle;
    }

    private static string Describe(ResolvedUnit unit) => $"{unit.Name} ({unit.Kind ?? "-"}, {unit.Parent ?? "-"})";
}
