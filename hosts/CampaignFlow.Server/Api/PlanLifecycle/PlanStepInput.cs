namespace CampaignFlow.Server.Api.PlanLifecycle;

/// <summary>What a reviewer sends with a step: <c>{"comment": "…"}</c> (required to return a version; optional to approve).</summary>
/// <param name="Comment">The comments.</param>
public sealed record PlanStepInput(string? Comment);
