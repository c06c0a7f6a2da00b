namespace CampaignFlow.Workflows.Instances;

/// <summary>A fault of an activity, kept in the instance until it is retried or its branch is cancelled.</summary>
public sealed class Incident
{
    /// <summary>Incident number within the instance (1, 2, 3…).</summary>
    public int Id { get; set; }

    /// <summary>The faulted execution.</summary>
    public int ExecutionId { get; set; }

    /// <summary>The faulted activity's stable id.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>The exception's type name.</summary>
    public string ExceptionType { get; set; } = "";

    /// <summary>The exception's message.</summary>
    public string Message { get; set; } = "";

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When it was resolved (retried or cancelled); null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>How it was resolved: <c>retried</c> or <c>cancelled</c>.</summary>
    public string? Resolution { get; set; }

    internal Incident Clone() => (Incident)MemberwiseClone();
}
