using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Persistence;

/// <summary>An instance found by its (definition id, correlation key): its id and status, without its document.</summary>
/// <param name="InstanceId">The instance's id.</param>
/// <param name="Status">Its status.</param>
public sealed record FoundInstance(string InstanceId, WorkflowStatus Status);
