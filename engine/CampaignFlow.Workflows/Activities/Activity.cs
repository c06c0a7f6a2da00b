using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Activities;

/// <summary>
/// A node of a workflow definition, and the extension point for custom activities.
/// </summary>
/// <remarks>
/// <para>
/// An activity object is immutable definition data shared by every instance; everything that changes
/// lives in the <see cref="ActivityExecution"/> the runtime hands over through <see cref="ActivityContext"/>.
/// So a custom activity keeps no fields that change after construction.
/// </para>
/// <para>
/// To add an activity, derive from this class and override <see cref="OnStart"/> and whichever of
/// <see cref="OnChildCompleted"/>, <see cref="OnSignal"/>, <see cref="OnTimer"/> it needs. In each call it
/// either finishes (<see cref="ActivityContext.Complete"/>) or leaves something to wait on: a child
/// (<see cref="ActivityContext.StartChild"/>), a bookmark (<see cref="ActivityContext.CreateBookmark"/>) or a
/// timer (<see cref="ActivityContext.ScheduleTimer"/>). Calls are synchronous and should be deterministic:
/// I/O belongs outside the workflow, coming back in as signals. An exception thrown from any of these
/// methods faults the execution and opens an incident; <c>WorkflowRuntime.RetryAsync</c> restarts it.
/// </para>
/// <para>Children must be returned by <see cref="Children"/> so the definition can index their ids.</para>
/// </remarks>
/// <param name="id">The activity's stable id, unique in its definition; migrations map executions by it.</param>
public abstract class Activity(string id)
{
    /// <summary>The stable id, unique within the definition.</summary>
    public string Id { get; } = !string.IsNullOrWhiteSpace(id) ? id : throw new ArgumentException("An activity needs a non-empty id.", nameof(id));

    /// <summary>The activities this one may start as children.</summary>
    public virtual IReadOnlyList<Activity> Children => [];

    /// <summary>Called when an execution of this activity starts.</summary>
    protected abstract void OnStart(ActivityContext context);

    /// <summary>Called when a child execution completed. By default completes with the child's outcome.</summary>
    protected virtual void OnChildCompleted(ActivityContext context, ChildCompletion child) => context.Complete(child.Outcome);

    /// <summary>Called when a signal resumed one of this execution's bookmarks (the bookmark is already removed). By default completes with the signal's outcome.</summary>
    protected virtual void OnSignal(ActivityContext context, Bookmark bookmark, Signal signal) => context.Complete(signal.Outcome);

    /// <summary>Called when one of this execution's timers fired (the timer is already removed). By default completes.</summary>
    protected virtual void OnTimer(ActivityContext context, ScheduledTimer timer) => context.Complete();

    // The runtime's entry points; the hooks stay protected so the public surface is only what derived classes override.
    internal void RunStart(ActivityContext context) => OnStart(context);

    internal void RunChildCompleted(ActivityContext context, ChildCompletion child) => OnChildCompleted(context, child);

    internal void RunSignal(ActivityContext context, Bookmark bookmark, Signal signal) => OnSignal(context, bookmark, signal);

    internal void RunTimer(ActivityContext context, ScheduledTimer timer) => OnTimer(context, timer);

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} '{Id}'";
}
