namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>One version of a plan in its history: where it stands and every step it took, with who and when.</summary>
/// <param name="Version">The version.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Steps">Its steps, oldest first.</param>
public sealed record PlanVersionHistory(int Version, PlanDraftState State, IReadOnlyList<PlanDraftStep> Steps);
