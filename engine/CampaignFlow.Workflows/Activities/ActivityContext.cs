using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Runtime;

namespace CampaignFlow.Workflows.Activities;

/// <summary>
/// What an activity may see and do during one call: read the clock and variables, keep a counter and
/// locals, start children, wait on bookmarks and timers, complete. Valid only during that call.
/// </summary>
public sealed class ActivityContext
{
    private static readonly Dictionary<string, string> NoVariables = new(StringComparer.Ordinal);
    private readonly InstanceRun _run;
    private readonly ActivityExecution _execution;

    internal ActivityContext(InstanceRun run, ActivityExecution execution)
    {
        _run = run;
        _execution = execution;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId => _run.State.InstanceId;

    /// <summary>The instance's correlation key.</summary>
    public string CorrelationKey => _run.State.CorrelationKey;

    /// <summary>The logical time of this transition (a late timer's due time, otherwise the clock's now).</summary>
    public DateTimeOffset Now => _run.Now;

    /// <summary>This execution's id.</summary>
    public int ExecutionId => _execution.Id;

    /// <summary>True once <see cref="Complete"/> was called in this call.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>The execution's own counter (see <see cref="ActivityExecution.Counter"/>).</summary>
    public int Counter
    {
        get => _execution.Counter;
        set => _execution.Counter = value;
    }

    /// <summary>True while any child execution of this one is live (active or faulted).</summary>
    public bool HasActiveChildren => _run.HasChildren(_execution.Id);

    /// <summary>Instance variables (read-only view).</summary>
    public IReadOnlyDictionary<string, string> Variables => _run.State.Variables ?? NoVariables;

    /// <summary>Reads a local value of this execution.</summary>
    public string? GetLocal(string name) => _execution.Locals is { } locals && locals.TryGetValue(name, out var value) ? value : null;

    /// <summary>Sets a local value of this execution; it is kept in the instance state until the execution ends.</summary>
    public void SetLocal(string name, string value) => (_execution.Locals ??= new(StringComparer.Ordinal))[name] = value;

    /// <summary>Sets an instance variable.</summary>
    public void SetVariable(string name, string value) => (_run.State.Variables ??= new(StringComparer.Ordinal))[name] = value;

    /// <summary>Starts a child execution of <paramref name="child"/> (one of <see cref="Activity.Children"/>); returns its execution id.</summary>
    public int StartChild(Activity child) => _run.StartChild(_execution, child);

    /// <summary>Cancels every live child execution (and their descendants, bookmarks and timers).</summary>
    public void CancelChildren() => _run.CancelDescendants(_execution.Id);

    /// <summary>Waits for a signal with key (<paramref name="name"/>, <paramref name="correlation"/>).</summary>
    public void CreateBookmark(string name, string correlation, BookmarkKind kind = BookmarkKind.Signal) =>
        _run.CreateBookmark(_execution, name, correlation, kind);

    /// <summary>Schedules a timer for this execution; <paramref name="tag"/> comes back in <see cref="Activity.OnTimer"/>.</summary>
    public ScheduledTimer ScheduleTimer(DateTimeOffset dueAt, string? tag = null) => _run.ScheduleTimer(_execution, dueAt, tag);

    /// <summary>
    /// Completes this execution: its remaining children are cancelled, its bookmarks and timers removed,
    /// and the parent is told (or the instance completes, for the root).
    /// </summary>
    public void Complete(string? outcome = null)
    {
        if (IsCompleted)
        {
            throw new InvalidOperationException($"Activity execution {_execution.Id} ('{_execution.ActivityId}') was already completed.");
        }

        IsCompleted = true;
        _run.Complete(_execution, outcome);
    }

    /// <summary>Appends a note about this activity to the journal.</summary>
    public void Note(string detail) => _run.Note(_execution, detail);

    /// <summary>Activity ids of the live descendants that are waiting themselves (they have no live children).</summary>
    public IReadOnlyList<string> WaitingDescendants() => _run.WaitingDescendants(_execution.Id);
}
