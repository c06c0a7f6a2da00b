namespace CampaignFlow.Workflows.Runtime;

/// <summary>A timer that <see cref="WorkflowRuntime.FireDueTimersAsync"/> fired, and the instance it belongs to.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="DefinitionId">The instance's definition.</param>
/// <param name="DefinitionVersion">The definition version the instance is pinned to.</param>
/// <param name="CorrelationKey">The instance's correlation key.</param>
/// <param name="TimerId">The timer's id in the instance.</param>
/// <param name="Tag">What the timer meant to its activity, if anything.</param>
/// <param name="DueAt">When it was due (its transition ran at this logical time).</param>
public sealed record FiredTimer(string InstanceId, string DefinitionId, int DefinitionVersion, string CorrelationKey, string TimerId, string? Tag, DateTimeOffset DueAt);
