namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>One step in a plan version's history.</summary>
/// <param name="Action">What was done.</param>
/// <param name="By">Who did it: the name of the caller's token (<c>definitions/</c> for the folder).</param>
/// <param name="At">When.</param>
/// <param name="Comment">The reviewer's comments (required when returning), or null.</param>
public sealed record PlanDraftStep(PlanDraftAction Action, string By, DateTimeOffset At, string? Comment = null);
