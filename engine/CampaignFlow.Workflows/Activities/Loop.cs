using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Activities;

/// <summary>
/// Runs its body, then again while a condition or a decision signal says so.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="While"/>: after each pass, the condition decides. <see cref="UntilDecided"/>: after each pass
/// the loop waits (bookmark kind <see cref="BookmarkKind.Decision"/>) for a decision signal; outcome
/// <see cref="RepeatOutcome"/> runs the body again, any other outcome completes the loop with it.
/// </para>
/// <para>
/// Each pass is a new execution of the body, so joins inside it start fresh. The counter holds the
/// current pass number; past <see cref="MaxIterations"/> the loop faults rather than spin.
/// </para>
/// </remarks>
public sealed class Loop : Activity
{
    private readonly Func<LoopPass, bool>? _condition;

    private Loop(string id, Activity body, Func<LoopPass, bool>? condition, string? decisionSignal, string? decisionCorrelation,
        string repeatOutcome, int maxIterations) : base(id)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        RepeatOutcome = repeatOutcome;
        MaxIterations = maxIterations;
        Body = body;
        Children = [body];
        _condition = condition;
        DecisionSignal = decisionSignal;
        DecisionCorrelation = decisionCorrelation;
    }

    /// <summary>A loop that repeats while <paramref name="repeatWhile"/> returns true after a pass.</summary>
    /// <param name="id">Stable id.</param>
    /// <param name="body">The body.</param>
    /// <param name="repeatWhile">Decides after each pass whether to run the body again.</param>
    /// <param name="maxIterations">The most passes allowed.</param>
    public static Loop While(string id, Activity body, Func<LoopPass, bool> repeatWhile, int maxIterations = 1000) =>
        new(id, body, repeatWhile, null, null, "repeat", maxIterations);

    /// <summary>A loop that waits after each pass for a decision signal (correlation template as in <see cref="WaitForSignal"/>).</summary>
    /// <param name="id">Stable id.</param>
    /// <param name="body">The body.</param>
    /// <param name="decisionSignal">The decision signal's name.</param>
    /// <param name="decisionCorrelation">The decision signal's correlation template; null means the instance's correlation key.</param>
    /// <param name="repeatOutcome">The decision outcome that runs the body again.</param>
    /// <param name="maxIterations">The most passes allowed.</param>
    public static Loop UntilDecided(string id, Activity body, string decisionSignal, string? decisionCorrelation = null,
        string repeatOutcome = "repeat", int maxIterations = 1000) =>
        new(id, body, null, decisionSignal, decisionCorrelation, repeatOutcome, maxIterations);

    /// <summary>The body.</summary>
    public Activity Body { get; }

    /// <summary>The decision signal's name, for a signal-driven loop.</summary>
    public string? DecisionSignal { get; }

    /// <summary>The decision signal's correlation template.</summary>
    public string? DecisionCorrelation { get; }

    /// <summary>The decision outcome that runs the body again (default <c>repeat</c>).</summary>
    public string RepeatOutcome { get; }

    /// <summary>The most passes allowed (default 1000).</summary>
    public int MaxIterations { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Activity> Children { get; }

    /// <inheritdoc />
    protected override void OnStart(ActivityContext context)
    {
        context.Counter = 1;
        context.StartChild(Body);
    }

    /// <inheritdoc />
    protected override void OnChildCompleted(ActivityContext context, ChildCompletion child)
    {
        if (_condition is not null)
        {
            if (_condition(new LoopPass(context.Counter, child.Outcome, context.Variables)))
            {
                Repeat(context);
            }
            else
            {
                context.Complete(child.Outcome);
            }

            return;
        }
        context.CreateBookmark(DecisionSignal!, WaitForSignal.ResolveCorrelation(DecisionCorrelation, context), BookmarkKind.Decision);
    }

    /// <inheritdoc />
    protected override void OnSignal(ActivityContext context, Bookmark bookmark, Signal signal)
    {
        if (signal.Outcome == RepeatOutcome)
        {
            Repeat(context);
        }
        else
        {
            context.Complete(signal.Outcome);
        }
    }

    private void Repeat(ActivityContext context)
    {
        if (context.Counter >= MaxIterations)
        {
            throw new InvalidOperationException($"Loop '{Id}' reached its limit of {MaxIterations} passes.");
        }

        context.Counter++;
        context.Note($"pass {context.Counter}");
        context.StartChild(Body);
    }
}
