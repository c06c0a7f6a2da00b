using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Runtime;

/// <summary>The answer to <see cref="WorkflowRuntime.StartAsync"/>.</summary>
/// <param name="InstanceId">The instance for the (definition id, correlation key).</param>
/// <param name="Created">False when it already existed and nothing was started.</param>
/// <param name="Status">The status after the start (for an existing instance: unknown, reported as running).</param>
public sealed record StartResult(string InstanceId, bool Created, WorkflowStatus Status);
