using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Campaigns.Units;

/// <summary>
/// A unit keeps the plan version its campaign runs (docs/adr/0014): a newer published version is for the units that
/// start after it; moving a running unit to it is a migration's work, never a start's. A plan generated from an
/// organisation line is the exception (ADR 0013): it has no author, and its versions follow the roster.
/// </summary>
internal static class RunningVersions
{
    private const int Chunk = 1000;

    /// <summary>
    /// <paramref name="chosen"/> with each unit that has a running, faulted or completed instance of an older version of
    /// its plan on the highest such version instead.
    /// </summary>
    public static async Task<List<(ResolvedUnit Who, ResolvedPlan Plan)>> PinAsync(
        IWorkflowStore store, IReadOnlyList<ResolvedPlan> versions, List<(ResolvedUnit Who, ResolvedPlan Plan)> chosen, CancellationToken ct)
    {
        var byId = versions.ToLookup(v => v.Id, StringComparer.Ordinal);
        var pinned = chosen.ToList();
        var candidates = chosen.Select((c, i) => (c.Who, c.Plan, Index: i))
            .Where(c => !RosteredUnitPlan.IsGeneratedPath(c.Plan.File))
            .GroupBy(c => (c.Plan.Id, c.Plan.Version));
        foreach (var onPlan in candidates)
        {
            // Newest first: a unit keeps the highest older version it still has an instance of.
            foreach (var older in byId[onPlan.Key.Id].Where(v => v.Version < onPlan.Key.Version).OrderByDescending(v => v.Version))
            {
                foreach (var chunk in onPlan.Where(c => ReferenceEquals(pinned[c.Index].Plan, c.Plan)).Chunk(Chunk))
                {
                    var keys = chunk.Select(c => CampaignSignals.InstanceKey(c.Who.Id, older.Version)).ToArray();
                    var found = await store.FindInstancesAsync(onPlan.Key.Id, keys, ct).ConfigureAwait(false);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        if (found.TryGetValue(keys[i], out var instance) && instance.Status != WorkflowStatus.Cancelled)
                        {
                            pinned[chunk[i].Index] = (chunk[i].Who, older);
                        }
                    }
                }
            }
        }

        return pinned;
    }
}
