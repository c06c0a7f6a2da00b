using System.Text.Json.Serialization;

namespace CampaignFlow.Workflows.Instances;

/// <summary>Status of one live activity execution.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityExecutionStatus>))]
public enum ActivityExecutionStatus
{
    /// <summary>Started and not finished: running children, or waiting on a bookmark or timer.</summary>
    Active,

    /// <summary>Threw; an open incident points at it and <c>RetryAsync</c> restarts it.</summary>
    Faulted,
}
