namespace CampaignFlow.Workflows.Instances;

/// <summary>
/// One live execution of an activity inside an instance. Completed executions are removed from the
/// state (the journal keeps their history), so the state only holds what is still open.
/// </summary>
/// <remarks>
/// Executions get a fresh <see cref="Id"/> each time an activity is entered, so a parallel join or a
/// sequence inside a loop tracks its own children by identity, never by counting completions.
/// </remarks>
public sealed class ActivityExecution
{
    /// <summary>Execution id, unique within the instance (1, 2, 3…; never reused).</summary>
    public int Id { get; set; }

    /// <summary>The stable id of the activity in the pinned definition.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>The parent execution's id, or 0 for the root.</summary>
    public int ParentId { get; set; }

    /// <summary>Active or faulted.</summary>
    public ActivityExecutionStatus Status { get; set; }

    /// <summary>
    /// The activity's own small counter: the current child index of a sequence, the iteration of a loop,
    /// the stage of a window. Custom activities may use it freely.
    /// </summary>
    public int Counter { get; set; }

    /// <summary>When this execution started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Named local values of the activity; null until one is set.</summary>
    public Dictionary<string, string>? Locals { get; set; }

    internal ActivityExecution Clone() => new()
    {
        Id = Id,
        ActivityId = ActivityId,
        ParentId = ParentId,
        Status = Status,
        Counter = Counter,
        StartedAt = StartedAt,
        Locals = Locals is null ? null : new Dictionary<string, string>(Locals, StringComparer.Ordinal),
    };
}
