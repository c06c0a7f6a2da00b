namespace CampaignFlow.Workflows.Activities;

/// <summary>
/// Runs its body between two instants: it waits for <see cref="OpensAt"/>, starts the body, and at
/// <see cref="ClosesAt"/> deals with what is still open as <see cref="OnClose"/> says.
/// </summary>
/// <remarks>
/// <para>
/// The window completes with outcome <c>completed</c> as soon as its body completes (the close timer is
/// removed). At the close, in the default <see cref="WindowCloseMode.Cancel"/> mode, the body is cancelled
/// and the window completes with <c>closed</c>; in <see cref="WindowCloseMode.Flag"/> mode the body goes on
/// and the window later completes with <c>completed-late</c>.
/// </para>
/// <para>
/// Entered after its opening instant, the window opens at once; entered after its close, it opens and
/// its close timer is due immediately. Counter: 0 waiting to open, 1 open, 2 closed with open work.
/// </para>
/// </remarks>
public sealed class Window : Activity
{
    /// <summary>Creates a window.</summary>
    /// <param name="id">Stable id.</param>
    /// <param name="opensAt">When the body starts.</param>
    /// <param name="closesAt">When open work is cancelled or flagged; after <paramref name="opensAt"/>.</param>
    /// <param name="body">The work done inside the window.</param>
    public Window(string id, DateTimeOffset opensAt, DateTimeOffset closesAt, Activity body) : base(id)
    {
        if (closesAt <= opensAt)
        {
            throw new ArgumentException($"Window '{id}' closes at {closesAt:O}, which is not after it opens ({opensAt:O}).", nameof(closesAt));
        }

        OpensAt = opensAt;
        ClosesAt = closesAt;
        Body = body;
        Children = [body];
    }

    /// <summary>When the body starts.</summary>
    public DateTimeOffset OpensAt { get; }

    /// <summary>When open work is cancelled or flagged.</summary>
    public DateTimeOffset ClosesAt { get; }

    /// <summary>The work inside the window.</summary>
    public Activity Body { get; }

    /// <summary>Cancel (default) or flag what is open at the close.</summary>
    public WindowCloseMode OnClose { get; init; } = WindowCloseMode.Cancel;

    /// <inheritdoc />
    public override IReadOnlyList<Activity> Children { get; }

    /// <inheritdoc />
    protected override void OnStart(ActivityContext context)
    {
        if (context.Now < OpensAt)
        {
            context.ScheduleTimer(OpensAt, "open");
        }
        else if (context.Now < ClosesAt)
        {
            Open(context);
        }
        else if (OnClose == WindowCloseMode.Cancel)
        {
            context.Note("window entered after its close; body skipped");
            context.Complete("missed");
        }
        else
        {
            context.Counter = 2;
            context.Note("window entered after its close; body runs late");
            context.StartChild(Body);
        }
    }

    /// <inheritdoc />
    protected override void OnTimer(ActivityContext context, Instances.ScheduledTimer timer)
    {
        if (timer.Tag == "open")
        {
            Open(context);
            return;
        }

        var waiting = string.Join(", ", context.WaitingDescendants());
        if (OnClose == WindowCloseMode.Cancel)
        {
            context.Note(waiting.Length == 0 ? "window closed" : $"window closed; cancelled open work: {waiting}");
            context.Complete("closed");
        }
        else
        {
            context.Counter = 2;
            context.Note($"window closed with open work: {waiting}");
        }
    }

    /// <inheritdoc />
    protected override void OnChildCompleted(ActivityContext context, ChildCompletion child) =>
        context.Complete(context.Counter == 2 ? "completed-late" : "completed");

    private void Open(ActivityContext context)
    {
        context.Counter = 1;
        context.Note("window opened");
        context.ScheduleTimer(ClosesAt, "close");
        context.StartChild(Body);
    }
}
