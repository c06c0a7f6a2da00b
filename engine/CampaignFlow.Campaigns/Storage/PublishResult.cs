namespace CampaignFlow.Campaigns.Storage;

/// <summary>The outcome of publishing a plan version.</summary>
/// <param name="Outcome">Created, unchanged or conflict.</param>
/// <param name="Stored">The version as stored now (the earlier one on a conflict).</param>
public sealed record PublishResult(PublishOutcome Outcome, PlanVersion Stored);
