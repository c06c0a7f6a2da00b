using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Runtime;

/// <summary>The answer to <see cref="WorkflowRuntime.StartAsync"/>.</summary>
/// <param name="InstanceId">The instance for the (definition id, correlation key).</param>
/// <param name="Created">False when it already existed and nothing was started.</param>
/// <param name="Status">The status after the start, or the existing instance's current status.</param>
public sealed record StartResult(string InstanceId, bool Created, WorkflowStatus Status);
