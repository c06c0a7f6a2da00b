using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// Lays a child plan over its parent: the parent's phases and actions are mandated (规定动作); the child adds its
/// own (自选动作) and may repeat an inherited action's id to tighten it, never to weaken or change it.
/// </summary>
/// <param name="parent">The parent plan as written, its own ancestors' phases and actions merged in.</param>
/// <param name="parentDefinedIn">Which plan wrote each of the parent's actions (an ancestor's id for one it inherited).</param>
/// <param name="child">The child plan as written.</param>
/// <param name="workingHours">What the child's 1天, 半天 and 学时 are worth, to compare amounts.</param>
/// <param name="resolve">Resolves a period in the child's campaign, quietly.</param>
/// <param name="diagnostics">Receives what the child weakens or changes.</param>
internal sealed class InheritanceMerger(
    PlanDocument parent,
    IReadOnlyDictionary<string, string> parentDefinedIn,
    PlanDocument child,
    WorkingHours workingHours,
    Func<Period, DateWindow?> resolve,
    DiagnosticBag diagnostics)
{
    private static readonly string[] Raisable = ["atLeast", "eachAtLeast", "spanAtLeast"];
    private static readonly string[] Lowerable = ["atMost", "within"];
    private static readonly string[] Fixed =
    [
        "exactly", "at", "every", "activity", "document", "publish", "ledger", "forEach", "per", "sum", "appliesTo",
        "covers", "attendedBy", "who", "perParticipant", "to",
    ];

    private readonly HashSet<ActionSpec> _moved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<PhaseSpec> _movedPhases = new(ReferenceEqualityComparer.Instance);

    /// <summary>Which plan wrote each action of the merged plan, by action id.</summary>
    public Dictionary<string, string> DefinedIn { get; } = new();

    /// <summary>Which plan last wrote each of the parent's phases and links (an ancestor's id for one it only passed on).</summary>
    public IReadOnlyDictionary<string, string> ParentPhasesWrittenBy { get; init; } = new Dictionary<string, string>();

    /// <summary>Which plan last wrote each phase and link of the merged plan, by id.</summary>
    public Dictionary<string, string> PhasesWrittenBy { get; } = new();

    public PlanDocument Merge()
    {
        var parentActionPhases = new Dictionary<string, string?>();
        Index(parent.Phases, parentActionPhases);
        foreach (var action in parent.Actions ?? [])
        {
            parentActionPhases[action.Id] = null;
        }

        var parentPhases = new Dictionary<string, (PhaseSpec Phase, string[] Path)>();
        IndexPhases(parent.Phases, [], parentPhases);
        CheckLevels(child.Phases, [], parentPhases);
        CheckMoves(child.Phases, parentActionPhases);
        foreach (var action in child.Actions ?? [])
        {
            CheckMove(action, null, parentActionPhases);
        }

        return child with
        {
            Phases = MergePhases(parent.Phases ?? [], child.Phases ?? []),
            Actions = MergeActions(parent.Actions ?? [], child.Actions ?? []),
        };
    }

    private List<PhaseSpec> MergePhases(IReadOnlyList<PhaseSpec> inherited, IReadOnlyList<PhaseSpec> own)
    {
        var merged = new List<PhaseSpec>();
        foreach (var phase in inherited)
        {
            var mine = own.FirstOrDefault(p => p.Id == phase.Id);
            PhasesWrittenBy[phase.Id] = mine is null ? ParentPhasesWrittenBy.GetValueOrDefault(phase.Id, parent.Id) : child.Id;
            if (mine is null)
            {
                merged.Add(phase with
                {
                    Phases = MergePhases(phase.Phases ?? [], []),
                    Actions = MergeActions(phase.Actions ?? [], []),
                });
                continue;
            }

            if (mine.Window is { } narrower && phase.Window is { } wider
                && resolve(narrower) is { } n && resolve(wider) is { } w && !w.Contains(n))
            {
                diagnostics.Error("weakens-mandated", mine.At("window"), phase.Id, "window", $"{wider} ({w})", $"{narrower} ({n})", parent.Id);
            }

            // A phase placed by order stays so: a child may add what it follows, never drop it or the order of its links.
            if (mine.Has("after") && (phase.After ?? []).Except(mine.After ?? []).Any())
            {
                diagnostics.Error("weakens-mandated-phase", mine.At("after"), phase.Id, "after", string.Join(", ", phase.After ?? []), string.Join(", ", mine.After ?? []), parent.Id);
            }

            if (mine.Has("inOrder") && phase.InOrder && !mine.InOrder)
            {
                diagnostics.Error("weakens-mandated-phase", mine.At("inOrder"), phase.Id, "inOrder", "true", "false", parent.Id);
            }

            merged.Add(mine with
            {
                After = mine.Has("after") ? mine.After : phase.After,
                InOrder = mine.InOrder || phase.InOrder,
                Window = mine.Window ?? phase.Window,
                Source = mine.Source ?? phase.Source,
                Phases = MergePhases(phase.Phases ?? [], mine.Phases ?? []),
                Actions = MergeActions(phase.Actions ?? [], mine.Actions ?? []),
            });
        }

        foreach (var phase in own.Where(p => inherited.All(i => i.Id != p.Id) && !_movedPhases.Contains(p)))
        {
            PhasesWrittenBy[phase.Id] = child.Id;
            IndexOwn(phase.Phases);
            merged.Add(WithoutMoved(phase));
        }

        return merged;
    }

    // A phase of the child's own keeps its links but for an inherited one written inside it, already reported.
    private PhaseSpec WithoutMoved(PhaseSpec phase) =>
        _movedPhases.Count == 0 || phase.Phases is null
            ? phase
            : phase with { Phases = phase.Phases.Where(p => !_movedPhases.Contains(p)).Select(WithoutMoved).ToList() };

    private void IndexOwn(IReadOnlyList<PhaseSpec>? phases)
    {
        foreach (var phase in (phases ?? []).Where(p => !_movedPhases.Contains(p)))
        {
            PhasesWrittenBy[phase.Id] = child.Id;
            IndexOwn(phase.Phases);
        }
    }

    private static void IndexPhases(IReadOnlyList<PhaseSpec>? phases, string[] path, Dictionary<string, (PhaseSpec, string[])> into)
    {
        foreach (var phase in phases ?? [])
        {
            into.TryAdd(phase.Id, (phase, path));
            IndexPhases(phase.Phases, [.. path, phase.Id], into);
        }
    }

    // An inherited link repeated at another level than its parent's is not the parent's link: it would be a second
    // phase of that id (duplicate-id, and a top-level phase without a window). The author is told where the parent
    // wrote it instead, once, and what the misplaced phase holds is not checked again as a phase of its own.
    private void CheckLevels(IReadOnlyList<PhaseSpec>? phases, string[] path, Dictionary<string, (PhaseSpec Phase, string[] Path)> inherited)
    {
        foreach (var phase in phases ?? [])
        {
            if (inherited.TryGetValue(phase.Id, out var mandated) && !mandated.Path.SequenceEqual(path))
            {
                _movedPhases.Add(phase);
                var writtenBy = ParentPhasesWrittenBy.GetValueOrDefault(phase.Id, parent.Id);
                var at = mandated.Phase.At("id").ToString();
                if (mandated.Path.Length == 0)
                {
                    diagnostics.Error("inherited-phase-level", phase.At("id"), phase.Id, writtenBy, at);
                }
                else
                {
                    diagnostics.Error("inherited-link-level", phase.At("id"), phase.Id, string.Join(" → ", mandated.Path), writtenBy, at);
                }

                continue;
            }

            CheckLevels(phase.Phases, [.. path, phase.Id], inherited);
        }
    }

    private List<ActionSpec> MergeActions(IReadOnlyList<ActionSpec> inherited, IReadOnlyList<ActionSpec> own)
    {
        var merged = new List<ActionSpec>();
        foreach (var action in inherited.Where(AppliesToChild))
        {
            var mine = own.FirstOrDefault(a => a.Id == action.Id);
            if (mine is null)
            {
                DefinedIn.TryAdd(action.Id, DeclaredBy(action.Id));
                merged.Add(action);
                continue;
            }

            CheckTightening(action, mine);
            DefinedIn[action.Id] = child.Id;
            merged.Add(Overlay(action, mine));
        }

        foreach (var action in own.Where(a => inherited.All(i => i.Id != a.Id) && !_moved.Contains(a)))
        {
            DefinedIn[action.Id] = child.Id;
            merged.Add(action);
        }

        return merged;
    }

    // A requirement over the units below a body is the body's own: the units below are judged by it, not given it.
    private bool AppliesToChild(ActionSpec action) =>
        action.AcrossUnits is null && (action.AppliesTo is null || (child.Unit.Kind is { } kind && action.AppliesTo.Contains(kind)));

    private static ActionSpec Overlay(ActionSpec inherited, ActionSpec own)
    {
        var merged = inherited with { };
        var locations = new Dictionary<string, SourceLocation>(inherited.KeyLocations);
        foreach (var property in PlanShape.Of(typeof(ActionSpec)).Properties.Where(p => own.Has(p.Key)))
        {
            property.Property.SetValue(merged, property.Property.GetValue(own));
        }

        foreach (var (key, at) in own.KeyLocations)
        {
            locations[key] = at;
        }

        return merged with { Location = own.Location, KeyLocations = locations };
    }

    private void CheckTightening(ActionSpec inherited, ActionSpec own)
    {
        foreach (var key in Raisable.Where(own.Has))
        {
            Compare(inherited, own, key, (mandated, mine) => mine >= mandated);
        }

        foreach (var key in Lowerable.Where(own.Has))
        {
            Compare(inherited, own, key, (mandated, mine) => mine <= mandated);
        }

        foreach (var key in Fixed.Where(k => own.Has(k) && inherited.Has(k)))
        {
            if (Text(inherited, key) != Text(own, key))
            {
                diagnostics.Error("changes-mandated", own.At(key), inherited.Id, key, Text(inherited, key), Text(own, key), DeclaredBy(inherited.Id));
            }
        }

        // A unit may ask more of its members' attendance than its body (95% → 100%), never less.
        if (own.Has("attendanceRate") && own.AttendanceRate is { } ownRate && (inherited.AttendanceRate?.Value ?? (inherited.AttendedBy is null ? 0 : 1)) > ownRate.Value)
        {
            Weakened(inherited, own, "attendanceRate", inherited.AttendanceRate?.Text ?? "100%", ownRate.Text);
        }

        if (own.Has("severity") && inherited.Severity == Severity.Required && own.Severity == Severity.Soft)
        {
            Weakened(inherited, own, "severity", "required", "soft");
        }

        if (own.Has("by") && inherited.By is { } mandatedBy && own.By is { } ownBy
            && resolve(mandatedBy) is { } m && resolve(ownBy) is { } o && o.End > m.End)
        {
            Weakened(inherited, own, "by", mandatedBy.Text, ownBy.Text);
        }

        if (own.Has("window") && inherited.Window is { } mandatedWindow && own.Window is { } ownWindow
            && resolve(mandatedWindow) is { } mw && resolve(ownWindow) is { } ow && !mw.Contains(ow))
        {
            Weakened(inherited, own, "window", mandatedWindow.Text, ownWindow.Text);
        }

        if (own.Has("redoWhen") && inherited.RedoWhen is { } mandatedRedo && own.RedoWhen is { } ownRedo
            && (mandatedRedo.Outcome != ownRedo.Outcome || mandatedRedo.Attribute != ownRedo.Attribute
                || (mandatedRedo.Threshold is { } mt && ownRedo.Threshold is { } ot && ot.Value > mt.Value)))
        {
            Weakened(inherited, own, "redoWhen", mandatedRedo.Text, ownRedo.Text);
        }

        if (own.Has("approvedBy") && inherited.ApprovedBy is { } mandatedChain
            && !IsSubsequence(mandatedChain, own.ApprovedBy ?? []))
        {
            Weakened(inherited, own, "approvedBy", string.Join(", ", mandatedChain), string.Join(", ", own.ApprovedBy ?? []));
        }

        foreach (var (rank, mandated) in inherited.ByRank ?? new Dictionary<string, Quantity>())
        {
            if (own.Has("byRank") && (own.ByRank is null || !own.ByRank.TryGetValue(rank, out var mine)
                                      || Measure(mine) is not { } a || Measure(mandated) is not { } b || a < b))
            {
                Weakened(inherited, own, "byRank", $"{rank}: {mandated.Text}", own.ByRank?.GetValueOrDefault(rank)?.Text ?? "-");
            }
        }

        foreach (var (role, mandated) in inherited.Attendance ?? new Dictionary<string, AttendanceSpec>())
        {
            // A unit may ask more than its body's least, or fix the number at or above it; a body's exact number stays.
            var mine = own.Attendance?.GetValueOrDefault(role);
            var kept = mandated.Exactly is { } exact
                ? mine?.Exactly?.Value == exact.Value
                : (mine?.Exactly ?? mine?.AtLeast)?.Value >= (mandated.AtLeast?.Value ?? 0);
            if (own.Has("attendance") && !kept)
            {
                Weakened(inherited, own, "attendance", $"{role}: {mandated}", mine?.ToString() ?? "-");
            }
        }

        // A unit may add conditions to its body's where (all of them and more), never drop or change one.
        if (own.Has("where") && inherited.Where is { } mandatedWhere)
        {
            var mine = Conjuncts(own.Where).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
            foreach (var condition in Conjuncts(mandatedWhere).Where(c => !mine.Contains(c.Text)))
            {
                Weakened(inherited, own, "where", condition.Text, own.Where is null ? "-" : own.Where.Text);
            }
        }

        // eachAfter as after: a child may add what each occurrence follows, never drop it (a body's 重新进行调研).
        foreach (var key in new[] { "after", "before", "eachAfter" }.Where(own.Has))
        {
            var mandatedOrder = (IReadOnlyList<string>?)ValueOf(inherited, key) ?? [];
            var ownOrder = (IReadOnlyList<string>?)ValueOf(own, key) ?? [];
            if (mandatedOrder.Except(ownOrder).Any())
            {
                Weakened(inherited, own, key, string.Join(", ", mandatedOrder), string.Join(", ", ownOrder));
            }
        }
    }

    private static IEnumerable<Requirements.Conditions.WhereCondition> Conjuncts(Requirements.Conditions.WhereCondition? condition) => condition switch
    {
        null => [],
        Requirements.Conditions.AllOf all => all.Items.SelectMany(Conjuncts),
        _ => [condition],
    };

    private void Compare(ActionSpec inherited, ActionSpec own, string key, Func<decimal, decimal, bool> allowed)
    {
        if (ValueOf(inherited, key) is not Quantity mandated || ValueOf(own, key) is not Quantity mine)
        {
            return;
        }

        if (Measure(mandated) is not { } a || Measure(mine) is not { } b || Family(mandated) != Family(mine))
        {
            diagnostics.Error("changes-mandated", own.At(key), inherited.Id, key, mandated.Text, mine.Text, DeclaredBy(inherited.Id));
        }
        else if (!allowed(a, b))
        {
            Weakened(inherited, own, key, mandated.Text, mine.Text);
        }
    }

    private void Weakened(ActionSpec inherited, ActionSpec own, string key, string mandated, string mine) =>
        diagnostics.Error("weakens-mandated", own.At(key), inherited.Id, key, mandated, mine, DeclaredBy(inherited.Id));

    // An action two levels up is the grandparent's: naming the parent would send the author to the wrong file.
    private string DeclaredBy(string actionId) => parentDefinedIn.GetValueOrDefault(actionId, parent.Id);

    private decimal? Measure(Quantity quantity) => quantity switch
    {
        { Unit: QuantityUnit.ClassHours } when workingHours.ClassHour is null => null,
        { IsWorkingTime: true } => quantity.ToHours(workingHours),
        { IsCount: true } => quantity.Value,
        _ => quantity.ApproximateDays,
    };

    private static int Family(Quantity quantity) => quantity.IsWorkingTime ? 0 : quantity.IsCount ? 1 : 2;

    private static bool IsSubsequence(IReadOnlyList<string> required, IReadOnlyList<string> chain)
    {
        var at = 0;
        foreach (var role in chain)
        {
            if (at < required.Count && required[at] == role)
            {
                at++;
            }
        }

        return at == required.Count;
    }

    private static string Text(ActionSpec action, string key)
    {
        return ValueOf(action, key) switch
        {
            null => "-",
            PeopleSelector s => Text(s),
            CoverageSpec c => $"{Text(c.Pairs)}|{Text(c.Each)}|{Text(c.With)}|{c.Attribute}|{Join(c.Values)}",
            IReadOnlyList<string> list => Join(list) ?? "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
    }

    private static object? ValueOf(ActionSpec action, string key) =>
        PlanShape.Of(typeof(ActionSpec)).TryGet(key, out var property) ? property.Property.GetValue(action) : null;

    private static string Text(PeopleSelector? s) => s is null
        ? ""
        : string.Join(" ", new[] { s.Role, Join(s.Rank), Join(s.ExceptRank), Join(s.People), s.Relation?.ToString() }.Where(x => !string.IsNullOrEmpty(x)));

    private static string? Join(IReadOnlyList<string>? list) => list is null ? null : string.Join(",", list);

    private void Index(IReadOnlyList<PhaseSpec>? phases, Dictionary<string, string?> into)
    {
        foreach (var phase in phases ?? [])
        {
            foreach (var action in phase.Actions ?? [])
            {
                into[action.Id] = phase.Id;
            }

            Index(phase.Phases, into);
        }
    }

    private void CheckMoves(IReadOnlyList<PhaseSpec>? phases, Dictionary<string, string?> inherited)
    {
        foreach (var phase in phases ?? [])
        {
            foreach (var action in phase.Actions ?? [])
            {
                CheckMove(action, phase.Id, inherited);
            }

            CheckMoves(phase.Phases, inherited);
        }
    }

    private void CheckMove(ActionSpec action, string? phaseId, Dictionary<string, string?> inherited)
    {
        if (inherited.TryGetValue(action.Id, out var mandatedPhase) && mandatedPhase != phaseId)
        {
            _moved.Add(action);
            diagnostics.Error("inherited-action-moved", action.At("id"), action.Id, mandatedPhase ?? "-", phaseId ?? "-", DeclaredBy(action.Id));
        }
    }
}
