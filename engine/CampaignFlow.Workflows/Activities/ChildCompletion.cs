namespace CampaignFlow.Workflows.Activities;

/// <summary>A child execution that completed.</summary>
/// <param name="ActivityId">The child's activity id.</param>
/// <param name="ExecutionId">The child's execution id.</param>
/// <param name="Outcome">The outcome it completed with, if any.</param>
public readonly record struct ChildCompletion(string ActivityId, int ExecutionId, string? Outcome);
