using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Workflows.Runtime;

/// <summary>
/// One transition of one instance: applies a stimulus, runs the activities until every branch is blocked
/// again, and turns what changed into a <see cref="WorkflowCommit"/>. Pure in-memory work, no I/O, so a
/// conflicting commit is simply thrown away and the transition redone on a fresh load.
/// </summary>
internal sealed class InstanceRun
{
    private readonly WorkflowDefinition _definition;
    private readonly long _loadedVersion;
    private readonly int _maxSteps;
    private readonly Queue<WorkItem> _work = new();
    private readonly List<JournalEntry> _journal = [];
    private readonly ScheduledTimer[] _initialTimers;
    private readonly List<BookmarkKey> _initialKeys;
    private List<BookmarkKey>? _checkedKeys;
    private List<string>? _delivered;
    private List<string>? _completedInbox;

    public InstanceRun(WorkflowDefinition definition, WorkflowInstanceState state, DateTimeOffset now, int maxSteps)
    {
        _definition = definition;
        State = state;
        _loadedVersion = state.Version;
        _maxSteps = maxSteps;
        // Per instance, logical time never runs backwards, even when a late timer is applied after a signal.
        Now = now < state.UpdatedAt ? state.UpdatedAt : now;
        _initialTimers = state.Timers.Count == 0 ? [] : [.. state.Timers];
        _initialKeys = KeysOf(state);
    }

    public WorkflowInstanceState State { get; }

    public DateTimeOffset Now { get; }

    public IReadOnlyList<string> Delivered => (IReadOnlyList<string>?)_delivered ?? [];

    public static InstanceRun StartNew(WorkflowDefinition definition, string instanceId, string correlationKey,
        IReadOnlyDictionary<string, string>? input, DateTimeOffset now, int maxSteps)
    {
        var state = new WorkflowInstanceState
        {
            InstanceId = instanceId,
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationKey = correlationKey,
            Status = WorkflowStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
            Variables = input is { Count: > 0 } ? new Dictionary<string, string>(input, StringComparer.Ordinal) : null,
        };
        var run = new InstanceRun(definition, state, now, maxSteps);
        run.Append(JournalEventKind.WorkflowStarted, null, 0, name: definition.Id, detail: $"version {definition.Version}", correlation: correlationKey);
        run.CreateExecution(definition.Root, 0);
        return run;
    }

    // ---- stimuli -------------------------------------------------------------------------------

    /// <summary>Resumes every bookmark the item's signal matches; returns how many.</summary>
    public int DeliverSignal(InboxItem item, bool completeItem)
    {
        var signal = item.Signal;
        var key = signal.Key;
        List<Bookmark>? matches = null;
        foreach (var bookmark in State.Bookmarks)
        {
            if (bookmark.Key == key)
            {
                (matches ??= []).Add(bookmark);
            }
        }
        if (matches is null)
        {
            return 0;
        }

        Append(JournalEventKind.SignalReceived, null, 0, signal.Name, signal.Correlation, signal.Sender, detail: signal.Outcome is null ? item.IdempotencyKey : $"{signal.Outcome} ({item.IdempotencyKey})");
        foreach (var bookmark in matches)
        {
            State.Bookmarks.Remove(bookmark);
            Append(JournalEventKind.BookmarkResumed, bookmark.ActivityId, bookmark.ExecutionId, bookmark.Name, bookmark.Correlation, signal.Sender);
            _work.Enqueue(new WorkItem(WorkKind.Signal, bookmark.ExecutionId, Bookmark: bookmark, Signal: signal));
        }
        (_delivered ??= []).Add(item.Id);
        if (completeItem)
        {
            (_completedInbox ??= []).Add(item.Id);
        }

        return matches.Count;
    }

    /// <summary>Fires a pending timer; false when it is no longer pending (fired or cancelled already).</summary>
    public bool FireTimer(string timerId)
    {
        var timer = State.Timers.Find(t => t.Id == timerId);
        if (timer is null)
        {
            return false;
        }

        State.Timers.Remove(timer);
        var execution = FindExecution(timer.ExecutionId);
        Append(JournalEventKind.TimerFired, execution?.ActivityId, timer.ExecutionId, timer.Tag, dueAt: timer.DueAt);
        _work.Enqueue(new WorkItem(WorkKind.Timer, timer.ExecutionId, Timer: timer));
        return true;
    }

    /// <summary>Restarts every faulted execution; returns how many.</summary>
    public int Retry()
    {
        var restarted = 0;
        foreach (var execution in State.Executions.ToArray())
        {
            if (execution.Status != ActivityExecutionStatus.Faulted)
            {
                continue;
            }

            ResolveIncidents(execution.Id, "retried");
            execution.Status = ActivityExecutionStatus.Active;
            execution.Counter = 0;
            execution.Locals = null;
            execution.StartedAt = Now;
            Append(JournalEventKind.ActivityStarted, execution.ActivityId, execution.Id, detail: "retry");
            _work.Enqueue(new WorkItem(WorkKind.Start, execution.Id));
            restarted++;
        }
        return restarted;
    }

    /// <summary>Cancels the whole instance; false when it had already finished.</summary>
    public bool CancelWorkflow(string? reason)
    {
        if (State.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
        {
            return false;
        }

        foreach (var root in State.Executions.Where(e => e.ParentId == 0).ToArray())
        {
            Cancel(root);
        }

        State.Status = WorkflowStatus.Cancelled;
        State.FinishedAt = Now;
        Append(JournalEventKind.WorkflowCancelled, null, 0, detail: reason);
        _work.Clear();
        return true;
    }

    /// <summary>
    /// Re-pins the instance to <paramref name="target"/>, renaming live activity ids through
    /// <paramref name="activityIdMap"/> (ids not in the map keep their name). Validates everything before
    /// changing anything.
    /// </summary>
    public bool Migrate(WorkflowDefinition target, IReadOnlyDictionary<string, string>? activityIdMap)
    {
        if (target.Id != State.DefinitionId)
        {
            throw new InvalidOperationException($"Instance '{State.InstanceId}' runs definition '{State.DefinitionId}' and cannot move to '{target.Id}'.");
        }

        if (State.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
        {
            return false;
        }

        string MapId(string id) => activityIdMap is not null && activityIdMap.TryGetValue(id, out var mapped) ? mapped : id;
        var problems = new List<string>();
        foreach (var execution in State.Executions)
        {
            var newId = MapId(execution.ActivityId);
            var oldType = _definition.GetActivity(execution.ActivityId).GetType();
            if (!target.TryGetActivity(newId, out var replacement))
            {
                problems.Add($"'{execution.ActivityId}' maps to '{newId}', which version {target.Version} does not have");
            }
            else if (replacement.GetType() != oldType)
            {
                problems.Add($"'{execution.ActivityId}' is a {oldType.Name} but '{newId}' in version {target.Version} is a {replacement.GetType().Name}");
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Instance '{State.InstanceId}' cannot migrate from version {State.DefinitionVersion} to {target.Version}: {string.Join("; ", problems)}.");
        }

        foreach (var execution in State.Executions)
        {
            execution.ActivityId = MapId(execution.ActivityId);
        }

        foreach (var bookmark in State.Bookmarks)
        {
            bookmark.ActivityId = MapId(bookmark.ActivityId);
        }

        var from = State.DefinitionVersion;
        State.DefinitionVersion = target.Version;
        Append(JournalEventKind.Note, null, 0, name: "migrated", detail: $"version {from} → {target.Version}" +
            (activityIdMap is { Count: > 0 } ? "; " + string.Join(", ", activityIdMap.Select(p => $"{p.Key} → {p.Value}")) : ""));
        return true;
    }

    // ---- the run loop --------------------------------------------------------------------------

    /// <summary>Runs queued work until every branch is blocked on a bookmark or timer, or finished.</summary>
    public void RunUntilBlocked()
    {
        var steps = 0;
        while (_work.TryDequeue(out var item))
        {
            var execution = FindExecution(item.ExecutionId);
            if (execution is null || execution.Status != ActivityExecutionStatus.Active)
            {
                continue; // cancelled or completed after this work was queued
            }

            var activity = _definition.GetActivity(execution.ActivityId);
            var context = new ActivityContext(this, execution);
            try
            {
                if (++steps > _maxSteps)
                {
                    throw new InvalidOperationException($"The instance ran {_maxSteps} steps in one transition without blocking; a loop is probably spinning.");
                }

                switch (item.Kind)
                {
                    case WorkKind.Start: activity.RunStart(context); break;
                    case WorkKind.ChildCompleted: activity.RunChildCompleted(context, item.Child); break;
                    case WorkKind.Signal: activity.RunSignal(context, item.Bookmark!, item.Signal!); break;
                    case WorkKind.Timer: activity.RunTimer(context, item.Timer!); break;
                }
            }
            catch (Exception exception)
            {
                Fault(execution, exception);
                if (steps > _maxSteps)
                {
                    _work.Clear();
                }
            }
        }

        if (State.Status is not (WorkflowStatus.Completed or WorkflowStatus.Cancelled))
        {
            State.Status = State.Executions.Exists(e => e.Status == ActivityExecutionStatus.Faulted) ? WorkflowStatus.Faulted : WorkflowStatus.Running;
        }
    }

    /// <summary>Bookmark keys that appeared since the last call (or since load), to look for parked signals.</summary>
    public IReadOnlyCollection<BookmarkKey> TakeNewBookmarkKeys()
    {
        var now = KeysOf(State);
        var known = _checkedKeys ?? _initialKeys;
        List<BookmarkKey>? added = null;
        foreach (var key in now)
        {
            if (!known.Contains(key))
            {
                (added ??= []).Add(key);
            }
        }
        _checkedKeys = now;
        return (IReadOnlyCollection<BookmarkKey>?)added ?? [];
    }

    public WorkflowCommit BuildCommit()
    {
        State.Version = _loadedVersion + 1;
        State.UpdatedAt = Now;

        var keys = KeysOf(State);
        List<BookmarkKey>? added = null, removed = null;
        foreach (var key in keys)
        {
            if (!_initialKeys.Contains(key))
            {
                (added ??= []).Add(key);
            }
        }

        foreach (var key in _initialKeys)
        {
            if (!keys.Contains(key))
            {
                (removed ??= []).Add(key);
            }
        }

        List<ScheduledTimer>? scheduled = null, dropped = null;
        foreach (var timer in State.Timers)
        {
            if (Array.IndexOf(_initialTimers, timer) < 0)
            {
                (scheduled ??= []).Add(timer);
            }
        }

        foreach (var timer in _initialTimers)
        {
            if (!State.Timers.Contains(timer))
            {
                (dropped ??= []).Add(timer);
            }
        }

        return new WorkflowCommit
        {
            Instance = State,
            ExpectedVersion = _loadedVersion,
            Journal = _journal,
            BookmarksAdded = (IReadOnlyList<BookmarkKey>?)added ?? [],
            BookmarksRemoved = (IReadOnlyList<BookmarkKey>?)removed ?? [],
            TimersScheduled = (IReadOnlyList<ScheduledTimer>?)scheduled ?? [],
            TimersRemoved = (IReadOnlyList<ScheduledTimer>?)dropped ?? [],
            InboxDelivered = Delivered,
            InboxCompleted = (IReadOnlyList<string>?)_completedInbox ?? [],
        };
    }

    // ---- operations behind ActivityContext ----------------------------------------------------

    internal int StartChild(ActivityExecution parent, Activity child)
    {
        if (!_definition.TryGetActivity(child.Id, out var known) || !ReferenceEquals(known, child))
        {
            throw new InvalidOperationException($"Activity '{parent.ActivityId}' started '{child.Id}', which is not part of definition {_definition}; list it in Children.");
        }

        return CreateExecution(child, parent.Id).Id;
    }

    internal bool HasChildren(int executionId) => State.Executions.Exists(e => e.ParentId == executionId);

    internal void CreateBookmark(ActivityExecution execution, string name, string correlation, BookmarkKind kind)
    {
        State.Bookmarks.Add(new Bookmark
        {
            Name = name,
            Correlation = correlation,
            ExecutionId = execution.Id,
            ActivityId = execution.ActivityId,
            Kind = kind,
            CreatedAt = Now,
        });
        Append(JournalEventKind.BookmarkCreated, execution.ActivityId, execution.Id, name, correlation, detail: kind == BookmarkKind.Signal ? null : kind.ToString());
    }

    internal ScheduledTimer ScheduleTimer(ActivityExecution execution, DateTimeOffset dueAt, string? tag)
    {
        var timer = new ScheduledTimer
        {
            Id = "t" + State.NextTimerNumber++,
            InstanceId = State.InstanceId,
            ExecutionId = execution.Id,
            DueAt = dueAt,
            Tag = tag,
        };
        State.Timers.Add(timer);
        Append(JournalEventKind.TimerScheduled, execution.ActivityId, execution.Id, tag, dueAt: dueAt);
        return timer;
    }

    internal void Complete(ActivityExecution execution, string? outcome)
    {
        CancelDescendants(execution.Id);
        RemoveWaits(execution.Id);
        State.Executions.Remove(execution);
        Append(JournalEventKind.ActivityCompleted, execution.ActivityId, execution.Id, outcome);
        if (execution.ParentId == 0)
        {
            State.Status = WorkflowStatus.Completed;
            State.FinishedAt = Now;
            Append(JournalEventKind.WorkflowCompleted, null, 0, outcome);
        }
        else
        {
            _work.Enqueue(new WorkItem(WorkKind.ChildCompleted, execution.ParentId, Child: new ChildCompletion(execution.ActivityId, execution.Id, outcome)));
        }
    }

    internal void CancelDescendants(int executionId)
    {
        foreach (var child in State.Executions.FindAll(e => e.ParentId == executionId))
        {
            Cancel(child);
        }
    }

    internal void Note(ActivityExecution execution, string detail) =>
        Append(JournalEventKind.Note, execution.ActivityId, execution.Id, detail: detail);

    internal IReadOnlyList<string> WaitingDescendants(int executionId)
    {
        var result = new List<string>();
        Collect(executionId);
        return result;

        void Collect(int parentId)
        {
            foreach (var child in State.Executions)
            {
                if (child.ParentId != parentId)
                {
                    continue;
                }

                if (HasChildren(child.Id))
                {
                    Collect(child.Id);
                }
                else
                {
                    result.Add(child.ActivityId);
                }
            }
        }
    }

    // ---- internals -----------------------------------------------------------------------------

    private ActivityExecution CreateExecution(Activity activity, int parentId)
    {
        var execution = new ActivityExecution
        {
            Id = State.NextExecutionId++,
            ActivityId = activity.Id,
            ParentId = parentId,
            StartedAt = Now,
        };
        State.Executions.Add(execution);
        Append(JournalEventKind.ActivityStarted, activity.Id, execution.Id);
        _work.Enqueue(new WorkItem(WorkKind.Start, execution.Id));
        return execution;
    }

    private void Cancel(ActivityExecution execution)
    {
        CancelDescendants(execution.Id);
        RemoveWaits(execution.Id);
        if (execution.Status == ActivityExecutionStatus.Faulted)
        {
            ResolveIncidents(execution.Id, "cancelled");
        }

        State.Executions.Remove(execution);
        Append(JournalEventKind.ActivityCancelled, execution.ActivityId, execution.Id);
    }

    private void RemoveWaits(int executionId)
    {
        for (var i = State.Bookmarks.Count - 1; i >= 0; i--)
        {
            var bookmark = State.Bookmarks[i];
            if (bookmark.ExecutionId != executionId)
            {
                continue;
            }

            State.Bookmarks.RemoveAt(i);
            Append(JournalEventKind.BookmarkRemoved, bookmark.ActivityId, executionId, bookmark.Name, bookmark.Correlation);
        }
        for (var i = State.Timers.Count - 1; i >= 0; i--)
        {
            var timer = State.Timers[i];
            if (timer.ExecutionId != executionId)
            {
                continue;
            }

            State.Timers.RemoveAt(i);
            Append(JournalEventKind.TimerCancelled, FindExecution(executionId)?.ActivityId, executionId, timer.Tag, dueAt: timer.DueAt);
        }
    }

    private void Fault(ActivityExecution execution, Exception exception)
    {
        var incident = new Incident
        {
            Id = State.Incidents.Count + 1,
            ExecutionId = execution.Id,
            ActivityId = execution.ActivityId,
            ExceptionType = exception.GetType().FullName ?? exception.GetType().Name,
            Message = exception.Message,
            OccurredAt = Now,
        };
        State.Incidents.Add(incident);
        Append(JournalEventKind.ActivityFaulted, execution.ActivityId, execution.Id, detail: exception.Message);
        Append(JournalEventKind.IncidentRecorded, execution.ActivityId, execution.Id, name: incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), detail: $"{incident.ExceptionType}: {incident.Message}");

        if (!State.Executions.Contains(execution))
        {
            // It threw after completing itself; the transition stands, there is nothing left to retry.
            incident.ResolvedAt = Now;
            incident.Resolution = "activity had already completed";
            return;
        }
        // A faulted execution is inert until retried: nothing it started may go on behind its back.
        CancelDescendants(execution.Id);
        RemoveWaits(execution.Id);
        execution.Status = ActivityExecutionStatus.Faulted;
    }

    private void ResolveIncidents(int executionId, string resolution)
    {
        foreach (var incident in State.Incidents)
        {
            if (incident.ExecutionId != executionId || incident.ResolvedAt is not null)
            {
                continue;
            }

            incident.ResolvedAt = Now;
            incident.Resolution = resolution;
            Append(JournalEventKind.IncidentResolved, incident.ActivityId, executionId, name: incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), detail: resolution);
        }
    }

    private ActivityExecution? FindExecution(int executionId)
    {
        foreach (var execution in State.Executions)
        {
            if (execution.Id == executionId)
            {
                return execution;
            }
        }
        return null;
    }

    private void Append(JournalEventKind kind, string? activityId, int executionId, string? name = null, string? correlation = null,
        string? sender = null, DateTimeOffset? dueAt = null, string? detail = null) =>
        _journal.Add(new JournalEntry
        {
            InstanceId = State.InstanceId,
            Sequence = State.NextJournalSequence++,
            At = Now,
            Kind = kind,
            ActivityId = activityId,
            ExecutionId = executionId,
            Name = name,
            Correlation = correlation,
            Sender = sender,
            DueAt = dueAt,
            Detail = detail,
        });

    // An instance holds a handful of bookmarks, so a list with linear lookups beats a hash set here.
    private static List<BookmarkKey> KeysOf(WorkflowInstanceState state)
    {
        var keys = new List<BookmarkKey>(state.Bookmarks.Count);
        foreach (var bookmark in state.Bookmarks)
        {
            var key = bookmark.Key;
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }
        return keys;
    }
}
