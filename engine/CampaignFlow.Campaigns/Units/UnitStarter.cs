using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Units;

/// <summary>
/// Starts one workflow instance per unit and plan version (an existing one is resumed) and cancels the instances of
/// versions a newer one supersedes. A plan that another plan inherits is the template of the units below it, not a
/// unit's campaign; a unit with several plans runs the first by plan id.
/// </summary>
internal static class UnitStarter
{
    public static async Task<IReadOnlyList<StartedUnit>> StartAsync(
        PlanLibrary library, WorkflowRuntime runtime, IWorkflowStore store, ILogger logger, CancellationToken ct)
    {
        var inherited = library.Running.Select(p => p.Inherits).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var olderVersions = library.Versions.ToLookup(v => v.Id, StringComparer.Ordinal);
        var started = new List<StartedUnit>();
        var unitIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in library.Running.Where(p => !inherited.Contains(p.Id)))
        {
            if (!unitIds.Add(plan.Unit.Id))
            {
                logger.LogWarning("Unit {Unit} has several plans; {Plan} is not run", plan.Unit.Id, plan.Id);
                continue;
            }

            var instance = await runtime.StartAsync(plan.Id, CampaignSignals.InstanceKey(plan.Unit.Id, plan.Version), cancellationToken: ct).ConfigureAwait(false);
            await CancelSupersededAsync(runtime, store, plan, olderVersions[plan.Id], ct).ConfigureAwait(false);
            var unit = new CampaignUnit(plan.Unit.Id, plan.Unit.Name, plan.Unit.Parent, plan.Supervisor, plan.Id, plan.Version, plan.Title);
            started.Add(new StartedUnit(unit, plan, instance.InstanceId));
            logger.LogInformation("Unit {Unit} runs plan {Plan} version {Version} (instance {Instance}, {Started})",
                unit.Id, plan.Id, plan.Version, instance.InstanceId, instance.Created ? "started" : "resumed");
        }

        return started;
    }

    private static async Task CancelSupersededAsync(WorkflowRuntime runtime, IWorkflowStore store, ResolvedPlan plan, IEnumerable<ResolvedPlan> versions, CancellationToken ct)
    {
        foreach (var older in versions.Where(v => v.Version < plan.Version))
        {
            var id = await store.FindInstanceIdAsync(plan.Id, CampaignSignals.InstanceKey(older.Unit.Id, older.Version), ct).ConfigureAwait(false);
            if (id is not null && await runtime.GetInstanceAsync(id, ct).ConfigureAwait(false) is { Status: WorkflowStatus.Running or WorkflowStatus.Faulted })
            {
                await runtime.CancelAsync(id, $"superseded by version {plan.Version}", ct).ConfigureAwait(false);
            }
        }
    }
}
