using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Starting;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Units;

/// <summary>
/// Starts one workflow instance per unit and plan version (an existing one is resumed). A unit that runs an instance
/// of its plan stays on that instance's version: a newer version reaches it only by a migration
/// (docs/adr/0015-migrating-running-units.md); a unit with none starts on the highest version, and a plan generated
/// from a roster line, which no author migrates, is followed to its highest version. When a crash in the middle of a
/// migration left two instances running, the one started last (the migration's target) is kept and the other
/// cancelled. A body's plan runs for the body, whether or not the plans below inherit it; a unit with several plans
/// runs the first by plan id. Units of the organisation files without a plan of their own run their template: every
/// such unit on one version shares its one compiled version.
/// </summary>
internal static class UnitStarter
{
    // Units started per transaction: large enough that a province's start is a few hundred commits, small enough that
    // one holds SQLite's write lock for a fraction of a second.
    private const int StartChunk = 1000;

    public static async Task<IReadOnlyList<StartedUnit>> StartAsync(
        PlanLibrary library, WorkflowRuntime runtime, IWorkflowStore store, IProgress<CampaignStartProgress>? progress, ILogger logger, CancellationToken ct)
    {
        // A body's plan names the supervision group of the units below it (their plans inherit its supervisor:), not
        // the body's own: the body is reviewed only by a group of the groups files that covers it.
        var bodyPlans = library.Running.Select(p => p.Inherits).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var started = new List<StartedUnit>();
        var unitIds = new HashSet<string>(StringComparer.Ordinal);
        // A plan generated from a line whose roster was taken off is retired: the unit goes back to its template.
        var own = library.Running.Where(p => p.Template is null && !library.IsRetired(p)).Select(p => (p.Unit, Plan: p));
        var onTemplates = library.Organisation.UnitsOnTemplates
            .Select(u => (u.Unit, Plan: library.Find(u.TemplateId)))
            .Where(u => u.Plan is { Template: not null })
            .Select(u => (u.Unit, Plan: u.Plan!));
        var chosen = new List<(ResolvedUnit Who, ResolvedPlan Plan)>();
        foreach (var (who, plan) in own.Concat(onTemplates))
        {
            if (!unitIds.Add(who.Id))
            {
                logger.LogWarning("Unit {Unit} has several plans; {Plan} is not run", who.Id, plan.Id);
                continue;
            }

            chosen.Add((who, plan));
        }

        var running = await RunningInstancesAsync(store, library, chosen, ct).ConfigureAwait(false);
        await KeepRunningVersionsAsync(store, library, chosen, running, ct).ConfigureAwait(false);

        // In bulk: one query for the instances that exist and one transaction for the new ones per chunk of a plan's
        // units, instead of a round trip (and, on a fresh store, an fsync) per unit.
        var instances = new StartResult[chosen.Count];
        var done = 0;
        progress?.Report(new CampaignStartProgress(CampaignStartStage.StartingUnits, 0, chosen.Count));
        foreach (var onPlan in chosen.Select((c, i) => (c.Who, c.Plan, Index: i)).GroupBy(c => (c.Plan.Id, c.Plan.Version)))
        {
            foreach (var chunk in onPlan.Chunk(StartChunk))
            {
                var results = await runtime.StartManyAsync(onPlan.Key.Id, [.. chunk.Select(c => CampaignSignals.InstanceKey(c.Who.Id, c.Plan.Version))], ct).ConfigureAwait(false);
                for (var i = 0; i < chunk.Length; i++)
                {
                    instances[chunk[i].Index] = results[i];
                }

                done += chunk.Length;
                progress?.Report(new CampaignStartProgress(CampaignStartStage.StartingUnits, done, chosen.Count));
            }
        }

        // The instances of the versions a unit does not run: an older one a roster's new version supersedes, the one a
        // migration left running when the host stopped before it cancelled it. Found in bulk above, so a template's
        // thousands of units are not looked up one by one at each start.
        foreach (var (who, plan) in chosen)
        {
            foreach (var other in running.GetValueOrDefault(who.Id, []).Where(r => r.Version != plan.Version))
            {
                await runtime.CancelAsync(other.InstanceId, $"superseded by version {plan.Version}", ct).ConfigureAwait(false);
            }
        }

        await CancelLeftPlansAsync(runtime, store, library, chosen, ct).ConfigureAwait(false);

        var templateUnits = 0;
        for (var i = 0; i < chosen.Count; i++)
        {
            var (who, plan) = chosen[i];
            var instance = instances[i];

            var group = library.Organisation.GroupOf(who.Id);
            var supervisor = group?.Name ?? (bodyPlans.Contains(plan.Id) ? null : plan.Supervisor);
            var unit = new CampaignUnit(who.Id, who.Name, who.Parent, supervisor, plan.Id, plan.Version, plan.Title, who.Kind, group?.Id);
            started.Add(new StartedUnit(unit, plan, instance.InstanceId));
            // Debug: a host tells its operator what runs in the operator's words (the server: Chinese, then English).
            if (plan.Template is null)
            {
                logger.LogDebug("Unit {Unit} runs plan {Plan} version {Version} (instance {Instance}, {Started})",
                    unit.Id, plan.Id, plan.Version, instance.InstanceId, instance.Created ? "started" : "resumed");
            }
            else
            {
                templateUnits++;
            }
        }

        if (templateUnits > 0)
        {
            // One line for thousands of units: each one's line would drown the log.
            logger.LogDebug("{Count} units of the organisation files run their templates", templateUnits);
        }

        return started;
    }

    // A unit that moved from its template to a plan of its own (a roster named on its line, or a plan file written
    // for it) or back: the instances of the plan it left are cancelled, as a superseded version's are.
    private static async Task CancelLeftPlansAsync(WorkflowRuntime runtime, IWorkflowStore store, PlanLibrary library, List<(ResolvedUnit Who, ResolvedPlan Plan)> chosen, CancellationToken ct)
    {
        var byId = library.Versions.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var ownPlansOf = library.Versions.Where(v => v.Template is null).ToLookup(v => v.Unit.Id, v => v.Id, StringComparer.Ordinal);
        var left = new List<(string PlanId, string Unit)>();
        foreach (var (who, plan) in chosen)
        {
            if (plan.Template is null)
            {
                // The templates its plan inherits, at any depth.
                for (var parent = plan.Inherits; parent is not null && byId.TryGetValue(parent, out var versions); parent = versions[0].Inherits)
                {
                    if (versions[0].Template is not null)
                    {
                        left.Add((parent, who.Id));
                    }

                    if (left.Count > 10_000)
                    {
                        break; // an inheritance cycle is reported by the catalog; never loop on it
                    }
                }
            }

            left.AddRange(ownPlansOf[who.Id].Where(id => id != plan.Id).Distinct(StringComparer.Ordinal).Select(id => (id, who.Id)));
        }

        foreach (var onPlan in left.GroupBy(l => l.PlanId, StringComparer.Ordinal))
        {
            var keys = byId[onPlan.Key].SelectMany(v => onPlan.Select(l => CampaignSignals.InstanceKey(l.Unit, v.Version))).ToArray();
            foreach (var chunk in keys.Chunk(StartChunk))
            {
                var found = await store.FindInstancesAsync(onPlan.Key, chunk, ct).ConfigureAwait(false);
                foreach (var instance in found.Values.Where(f => f.Status is WorkflowStatus.Running or WorkflowStatus.Faulted))
                {
                    await runtime.CancelAsync(instance.InstanceId, "the unit runs another plan", ct).ConfigureAwait(false);
                }
            }
        }
    }

    // Each unit's running, faulted or completed instances of its plan, of any stored version, by unit id: one query per
    // version and chunk of units. A completed one counts (ADR 0014): a campaign that is over keeps the version it ran, or
    // a version published after it would judge its records at the next start, unmigrated.
    private static async Task<Dictionary<string, List<(int Version, string InstanceId)>>> RunningInstancesAsync(
        IWorkflowStore store, PlanLibrary library, List<(ResolvedUnit Who, ResolvedPlan Plan)> chosen, CancellationToken ct)
    {
        var versions = library.Versions.ToLookup(v => v.Id, StringComparer.Ordinal);
        var running = new Dictionary<string, List<(int Version, string InstanceId)>>(StringComparer.Ordinal);
        foreach (var onPlan in chosen.GroupBy(c => c.Plan.Id, StringComparer.Ordinal))
        {
            foreach (var version in versions[onPlan.Key])
            {
                foreach (var chunk in onPlan.Select(c => c.Who.Id).Chunk(StartChunk))
                {
                    var found = await store.FindInstancesAsync(onPlan.Key, [.. chunk.Select(u => CampaignSignals.InstanceKey(u, version.Version))], ct).ConfigureAwait(false);
                    foreach (var unit in chunk)
                    {
                        if (found.TryGetValue(CampaignSignals.InstanceKey(unit, version.Version), out var instance)
                            && instance.Status is WorkflowStatus.Running or WorkflowStatus.Faulted or WorkflowStatus.Completed)
                        {
                            (running.TryGetValue(unit, out var list) ? list : running[unit] = []).Add((version.Version, instance.InstanceId));
                        }
                    }
                }
            }
        }

        return running;
    }

    // A unit stays on the version its running (or completed) instance runs; of two (a migration), on the one started last.
    private static async Task KeepRunningVersionsAsync(
        IWorkflowStore store, PlanLibrary library, List<(ResolvedUnit Who, ResolvedPlan Plan)> chosen,
        Dictionary<string, List<(int Version, string InstanceId)>> running, CancellationToken ct)
    {
        var byVersion = library.Versions.ToDictionary(v => (v.Id, v.Version));
        for (var i = 0; i < chosen.Count; i++)
        {
            var (who, plan) = chosen[i];
            if (!running.TryGetValue(who.Id, out var mine) || RosteredUnitPlan.IsGeneratedPath(plan.File))
            {
                continue;
            }

            var kept = mine[0].Version;
            if (mine.Count > 1)
            {
                var states = await store.GetInstancesAsync([.. mine.Select(m => m.InstanceId)], ct).ConfigureAwait(false);
                kept = mine
                    .OrderByDescending(m => states.TryGetValue(m.InstanceId, out var state) ? state.CreatedAt : DateTimeOffset.MinValue)
                    .ThenByDescending(m => m.Version)
                    .First().Version;
            }

            if (kept != plan.Version && byVersion.TryGetValue((plan.Id, kept), out var version))
            {
                chosen[i] = (who, version);
            }
        }
    }
}
