using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Campaigns.Queries;

/// <summary>
/// Reads a unit's campaign state off its plan, the clock and its workflow instance: phases by their dates, open
/// actions and waiting gates by the instance's bookmarks, deadlines by the periods not closed yet.
/// </summary>
internal static class CampaignStateView
{
    private const int MaxDeadlines = 20;

    public static UnitCampaignState Of(RunningUnit unit, WorkflowInstanceState? instance, DateTimeOffset now, int openViolations)
    {
        var campaign = unit.Compiled.Campaign;
        var plan = campaign.Plan;
        var today = campaign.DayOf(now);

        var phases = new List<PhaseState>();
        void AddPhases(IEnumerable<Plans.Resolution.ResolvedPhase> list, string? parent)
        {
            foreach (var phase in list)
            {
                var status = today < phase.Window.Start ? "pending" : today > phase.Window.End ? "closed" : "open";
                phases.Add(new PhaseState(phase.Id, phase.Title, parent, phase.Window.Start, phase.Window.End, status));
                AddPhases(phase.Links, phase.Id);
            }
        }

        AddPhases(plan.Phases, null);

        var actions = new List<ActionState>();
        var gates = new List<GateState>();
        var bookmarks = instance?.Bookmarks ?? [];
        var loopPasses = (instance?.Executions ?? []).GroupBy(e => e.ActivityId).ToDictionary(g => g.Key, g => g.Max(e => e.Counter), StringComparer.Ordinal);
        foreach (var bookmark in bookmarks)
        {
            if (!campaign.Bindings.TryGetValue(bookmark.ActivityId, out var binding))
            {
                continue;
            }

            var action = binding.Action;
            switch (binding.Kind)
            {
                case BindingKind.Approval:
                    var gate = binding.Gate!;
                    var from = Math.Max(0, gate.Chain.ToList().IndexOf(binding.Role!));
                    if (gates.All(g => g.ActionId != action.Id))
                    {
                        gates.Add(new GateState(action.Id, gate.Subject.Id, gate.Chain, gate.Chain.Skip(from).ToArray(), gate.Gates));
                    }

                    Add(actions, action.Id, action.Title, action.PhaseId, "awaiting-approval");
                    if (binding.HeldBack is { } held)
                    {
                        Add(actions, held.Id, held.Title, held.PhaseId, "awaiting-approval");
                    }

                    break;
                case BindingKind.Held:
                    var rework = binding.Loop is { } loop && loopPasses.GetValueOrDefault(loop) > 1;
                    Add(actions, action.Id, action.Title, action.PhaseId, rework ? "rework" : "open");
                    break;
                default:
                    Add(actions, action.Id, action.Title, action.PhaseId, "awaiting-evaluation");
                    break;
            }
        }

        var order = plan.Actions.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var deadlines = unit.Compiled.Rules.Schedule.Where(d => d.End >= today).Take(MaxDeadlines)
            .Select(d => new DeadlineState(d.RequirementId, ActionOf(plan, d.RequirementId), d.Period, d.Target, d.End)).ToArray();
        return new UnitCampaignState(
            unit.Unit,
            now,
            instance?.Status.ToString() ?? "NotStarted",
            phases,
            phases.Where(p => p.Status == "open").Select(p => p.Id).ToArray(),
            actions.OrderBy(a => order.GetValueOrDefault(a.Id)).ToArray(),
            gates.OrderBy(g => order.GetValueOrDefault(g.ActionId)).ToArray(),
            deadlines,
            openViolations);
    }

    private static void Add(List<ActionState> actions, string id, string title, string? phase, string status)
    {
        var index = actions.FindIndex(a => a.Id == id);
        if (index < 0)
        {
            actions.Add(new ActionState(id, title, phase, status));
        }
        else if (status == "awaiting-approval")
        {
            // Held back by a gate says more than the task behind it.
            actions[index] = actions[index] with { Status = status };
        }
    }

    private static string ActionOf(Plans.Resolution.ResolvedPlan plan, string requirementId) =>
        plan.Requirements.FirstOrDefault(r => r.Id == requirementId)?.ActionId ?? "";
}
