using CampaignFlow.Plans.Comparison;

namespace CampaignFlow.Server.Api.Plans;

/// <summary>
/// What changed between two published versions of a plan, in a policy author's terms — the shape of
/// <c>campaignflow diff --format json</c>.
/// </summary>
/// <param name="Before">The earlier version.</param>
/// <param name="After">The later version.</param>
/// <param name="Changes">Each change, with its message in both languages.</param>
public sealed record PlanChangesView(PlanVersionRef Before, PlanVersionRef After, IReadOnlyList<PlanChange> Changes);
