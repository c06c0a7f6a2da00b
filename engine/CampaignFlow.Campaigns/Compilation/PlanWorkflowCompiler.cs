using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;

namespace CampaignFlow.Campaigns.Compilation;

/// <summary>
/// Compiles a plan version into a workflow definition:
/// <list type="bullet">
/// <item>phases → <see cref="Window"/>s over their dates, in a <see cref="Sequence"/> (a <see cref="Fork"/> where the plan
/// lets them overlap); a phase's links are windows nested in it the same way;</item>
/// <item>a phase's actions → one <see cref="Fork"/> branch each: a <see cref="RunTask"/> resumed by a record of the action;</item>
/// <item>an approval gate → a <see cref="WaitForSignal"/> per role of its chain, in order, resumed when that role's approving
/// review is recorded; an action the gate holds back waits for the same approvals before its task opens;</item>
/// <item>re-work → a <see cref="Loop"/> whose body waits for the action to be held and which, after each pass, waits for the
/// re-work verdict on it: <c>repeat</c> re-opens the body, <c>passed</c> ends the loop;</item>
/// <item>period closes, deadlines and phase boundaries → a <see cref="PeriodClock"/> of chained timers beside the phases.</item>
/// </list>
/// </summary>
internal static class PlanWorkflowCompiler
{
    /// <summary>The most passes a re-work loop may take.</summary>
    public const int MaxReworkPasses = 20;

    /// <summary>Compiles <paramref name="plan"/>, whose periods close on <paramref name="schedule"/>.</summary>
    public static CompiledCampaign Compile(ResolvedPlan plan, IReadOnlyList<DuePeriod> schedule)
    {
        var zone = CampaignFlow.Plans.Zones.PlanTimeZone.Of(plan.TimeZone);
        var bindings = new Dictionary<string, ActivityBinding>(StringComparer.Ordinal);
        var builder = new Builder(plan, zone, bindings);
        var branches = new List<Activity> { builder.Phases("campaign", plan.Phases) };
        var campaignWide = plan.Actions.Where(a => a.PhaseId is null).ToArray();
        if (campaignWide.Length > 0)
        {
            branches.Add(new Window("campaign-wide", StartOf(plan.Window.Start, zone), StartOf(plan.Window.End.AddDays(1), zone),
                new Fork("actions:campaign-wide", builder.Actions(campaignWide))));
        }

        var clock = new PeriodClock("clock", Instants(plan, schedule, zone));
        branches.Add(clock);
        var definition = new WorkflowDefinition(plan.Id, plan.Version, new Fork("campaign", [.. branches]));
        return new CompiledCampaign(plan, definition, bindings, zone) { Boundaries = clock.Instants };
    }

    /// <summary>The instant <paramref name="day"/> begins in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static IEnumerable<DateTimeOffset> Instants(ResolvedPlan plan, IReadOnlyList<DuePeriod> schedule, TimeZoneInfo zone)
    {
        // A period is judged from the day after its last day; phases open on their first day and close after their last.
        foreach (var due in schedule)
        {
            yield return StartOf(due.End.AddDays(1), zone);
        }

        foreach (var phase in plan.AllPhases)
        {
            yield return StartOf(phase.Window.Start, zone);
            yield return StartOf(phase.Window.End.AddDays(1), zone);
        }

        yield return StartOf(plan.Window.End.AddDays(1), zone);
    }

    private sealed class Builder(ResolvedPlan plan, TimeZoneInfo zone, Dictionary<string, ActivityBinding> bindings)
    {
        public Activity Phases(string parent, IReadOnlyList<ResolvedPhase> phases)
        {
            var windows = phases.Select(Phase).ToArray();
            // Phases that may overlap run side by side; the others one after the other.
            return phases.Any(p => p.Overlaps) ? new Fork("phases:" + parent, windows) : new Sequence("phases:" + parent, windows);
        }

        private Window Phase(ResolvedPhase phase)
        {
            var branches = Actions(plan.Actions.Where(a => a.PhaseId == phase.Id).ToArray()).ToList();
            if (phase.Links.Count > 0)
            {
                branches.Add(Phases(phase.Id, phase.Links));
            }

            return new Window("phase:" + phase.Id, StartOf(phase.Window.Start, zone), StartOf(phase.Window.End.AddDays(1), zone),
                new Fork("actions:" + phase.Id, [.. branches]));
        }

        public Activity[] Actions(IReadOnlyList<ResolvedAction> actions)
        {
            // What a body requires of the units below it (acrossUnits) is theirs to do: its workflow waits for none of it.
            actions = actions.Where(a => a.Requirements.All(r => r.Across is null)).ToArray();
            var gates = actions.Select(a => (Action: a, Gate: GateOf(a))).Where(g => g.Gate is not null).ToArray();
            return actions.Select(action =>
            {
                var core = Core(action);
                var holding = gates.Where(g => g.Gate!.Gates.Contains(action.Id) && g.Action.Id != action.Id).ToArray();
                if (holding.Length == 0)
                {
                    return core;
                }

                var waits = holding.Select(g => (Activity)new Sequence($"waits:{action.Id}:{g.Action.Id}",
                    [.. g.Gate!.Chain.Select(role => Approval($"approve:{action.Id}:{g.Action.Id}:{role}", g.Action, g.Gate, role, action))])).ToArray();
                return new Sequence("gated:" + action.Id, new Fork("waits:" + action.Id, waits), core);
            }).ToArray();
        }

        private Activity Core(ResolvedAction action)
        {
            var id = "action:" + action.Id;
            if (GateOf(action) is { } gate)
            {
                return new Sequence(id, [.. gate.Chain.Select(role => Approval($"approve:{action.Id}:{role}", action, gate, role))]);
            }

            if (action.Requirements.OfType<Rework>().FirstOrDefault() is { } rework)
            {
                var held = "held:" + action.Id;
                bindings[held] = new ActivityBinding(BindingKind.Held, action, Rework: rework) { Loop = id };
                bindings[id] = new ActivityBinding(BindingKind.ReworkDecision, action, Rework: rework);
                return Loop.UntilDecided(id, new RunTask(held, CampaignSignals.Held, CampaignSignals.OfAction(action.Id)),
                    CampaignSignals.ReworkDecided, CampaignSignals.OfAction(action.Id), CampaignSignals.Repeat, MaxReworkPasses);
            }

            bindings[id] = new ActivityBinding(BindingKind.Held, action);
            return new RunTask(id, CampaignSignals.Held, CampaignSignals.OfAction(action.Id));
        }

        private WaitForSignal Approval(string id, ResolvedAction gateAction, ApprovalGate gate, string role, ResolvedAction? heldBack = null)
        {
            bindings[id] = new ActivityBinding(BindingKind.Approval, gateAction, gate, role) { HeldBack = heldBack };
            return new WaitForSignal(id, CampaignSignals.Approved, CampaignSignals.OfApproval(gateAction.Id, role));
        }

        private static ApprovalGate? GateOf(ResolvedAction action) =>
            action.Requirements.OfType<ApprovalGate>().FirstOrDefault(g => g.Chain.Count > 0);
    }
}
