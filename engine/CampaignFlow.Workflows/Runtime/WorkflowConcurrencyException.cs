namespace CampaignFlow.Workflows.Runtime;

/// <summary>A stimulus could not be committed after the configured number of attempts.</summary>
/// <param name="instanceId">The contended instance.</param>
/// <param name="attempts">How many attempts were made.</param>
public sealed class WorkflowConcurrencyException(string instanceId, int attempts)
    : Exception($"Instance '{instanceId}' kept changing under {attempts} commit attempts; the stimulus stays where it came from (inbox or timer index) and is retried later.")
{
    /// <summary>The contended instance.</summary>
    public string InstanceId { get; } = instanceId;
}
