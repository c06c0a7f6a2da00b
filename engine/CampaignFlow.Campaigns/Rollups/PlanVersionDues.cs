using System.Collections.Concurrent;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Rollups;

/// <summary>
/// Each plan version's requirements with the day their last period ends, read once per version off the due schedule
/// <see cref="PlanCompilations"/> computed, so a roll-up costs units × requirements, whatever the periods.
/// </summary>
/// <threadsafety>Safe for concurrent use.</threadsafety>
internal sealed class PlanVersionDues(PlanCompilations compilations)
{
    private readonly ConcurrentDictionary<(string Id, int Version), IReadOnlyList<RequirementDue>> _dues = new();

    /// <summary>The requirements of <paramref name="plan"/> in plan order.</summary>
    public IReadOnlyList<RequirementDue> Of(ResolvedPlan plan) =>
        _dues.GetOrAdd((plan.Id, plan.Version), _ =>
        {
            var lastEnd = compilations.ScheduleOf(plan)
                .GroupBy(d => d.RequirementId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(d => d.End), StringComparer.Ordinal);
            // A requirement without a period in the schedule is judged at the end of its window.
            return plan.Requirements
                .Select(r => new RequirementDue(r.Id, r.Title, r.PhaseId, lastEnd.TryGetValue(r.Id, out var end) ? end : r.Window.End))
                .ToArray();
        });
}
