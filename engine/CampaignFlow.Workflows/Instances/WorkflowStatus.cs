using System.Text.Json.Serialization;

namespace CampaignFlow.Workflows.Instances;

/// <summary>Lifecycle status of a workflow instance.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus
{
    /// <summary>At least one branch is active or waiting on a bookmark or timer.</summary>
    Running,

    /// <summary>The root activity completed.</summary>
    Completed,

    /// <summary>An activity faulted and its incident is still open; other branches keep running.</summary>
    Faulted,

    /// <summary>The instance was cancelled; it holds no bookmarks or timers any more.</summary>
    Cancelled,
}
