using CampaignFlow.Campaigns.Lifecycle;

namespace CampaignFlow.Server.Api.PlanLifecycle;

/// <summary>One version of a plan in its history.</summary>
/// <param name="Version">The version.</param>
/// <param name="State"><c>draft</c>, <c>submitted</c>, <c>returned</c>, <c>approved</c> or <c>published</c>.</param>
/// <param name="Steps">Its steps, oldest first.</param>
public sealed record PlanVersionHistoryView(int Version, string State, IReadOnlyList<PlanStepView> Steps)
{
    /// <summary>The view of a version's history.</summary>
    /// <param name="history">The history.</param>
    public static PlanVersionHistoryView Of(PlanVersionHistory history) =>
        new(history.Version, PlanStepView.Name(history.State), history.Steps.Select(PlanStepView.Of).ToArray());
}
