namespace CampaignFlow.Workflows.Instances;

/// <summary>
/// The whole state of one instance as explicit, structured data: the live activity executions with
/// their counters and locals, bookmarks, pending timers, incidents and variables. It round-trips through
/// System.Text.Json, so a durable store saves it as one document and copies the queried parts
/// (status, bookmark keys, timer due times) into typed columns.
/// </summary>
public sealed class WorkflowInstanceState
{
    /// <summary>Instance id.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>The definition's id.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>The definition version the instance is pinned to for its whole life.</summary>
    public int DefinitionVersion { get; set; }

    /// <summary>The business key; one instance per (definition id, correlation key).</summary>
    public string CorrelationKey { get; set; } = "";

    /// <summary>Lifecycle status.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>Optimistic-concurrency version: 1 after the first commit, +1 per commit.</summary>
    public long Version { get; set; }

    /// <summary>When the instance started.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The logical time of the last transition.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it completed or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The next execution id to hand out.</summary>
    public int NextExecutionId { get; set; } = 1;

    /// <summary>The next timer number to hand out.</summary>
    public int NextTimerNumber { get; set; } = 1;

    /// <summary>The sequence number the next journal entry gets.</summary>
    public long NextJournalSequence { get; set; } = 1;

    /// <summary>Live (active or faulted) activity executions.</summary>
    public List<ActivityExecution> Executions { get; set; } = [];

    /// <summary>Open bookmarks.</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>Pending timers.</summary>
    public List<ScheduledTimer> Timers { get; set; } = [];

    /// <summary>Incidents, open and resolved.</summary>
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>Instance variables (start input, signal payloads saved by activities); null when none.</summary>
    public Dictionary<string, string>? Variables { get; set; }

    /// <summary>A deep copy, so a caller can change it without touching the original.</summary>
    public WorkflowInstanceState Clone()
    {
        var copy = (WorkflowInstanceState)MemberwiseClone();
        copy.Executions = Executions.ConvertAll(e => e.Clone());
        copy.Bookmarks = Bookmarks.ConvertAll(b => b.Clone());
        copy.Timers = Timers.ConvertAll(t => t.Clone());
        copy.Incidents = Incidents.ConvertAll(i => i.Clone());
        copy.Variables = Variables is null ? null : new Dictionary<string, string>(Variables, StringComparer.Ordinal);
        return copy;
    }
}
