using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>A plan version on its way to publication: the texts it would be published with and the steps it took.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The version it would be published as.</param>
/// <param name="Unit">The unit the plan is for.</param>
/// <param name="Hash">Lower-case hex SHA-256 of the files (<see cref="PlanVersionHash"/>).</param>
/// <param name="Files">The plan's file first, then its roster and parents, as they were when it was last written.</param>
/// <param name="Steps">Every step, oldest first; the last decides its <see cref="State"/>.</param>
public sealed record PlanDraft(string PlanId, int Version, string Unit, string Hash, IReadOnlyList<PlanSourceFile> Files, IReadOnlyList<PlanDraftStep> Steps)
{
    /// <summary>Where the version stands.</summary>
    public PlanDraftState State => Steps.Count == 0 ? PlanDraftState.Draft : Steps[^1].Action switch
    {
        PlanDraftAction.Submitted or PlanDraftAction.Resubmitted => PlanDraftState.Submitted,
        PlanDraftAction.Returned => PlanDraftState.Returned,
        PlanDraftAction.Approved => PlanDraftState.Approved,
        PlanDraftAction.Published => PlanDraftState.Published,
        _ => PlanDraftState.Draft,
    };

    /// <summary>The stored version it is published as.</summary>
    /// <param name="at">When.</param>
    public PlanVersion ToVersion(DateTimeOffset at) => new(PlanId, Version, Unit, Hash, Files, at);
}
