namespace CampaignFlow.Workflows.Activities;

/// <summary>Runs its steps one after another; completes with the last step's outcome.</summary>
/// <remarks>The counter holds the index of the running step.</remarks>
public sealed class Sequence(string id, params Activity[] steps) : Activity(id)
{
    /// <inheritdoc />
    public override IReadOnlyList<Activity> Children { get; } = steps;

    /// <inheritdoc />
    protected override void OnStart(ActivityContext context)
    {
        if (Children.Count == 0)
        {
            context.Complete();
            return;
        }
        context.Counter = 0;
        context.StartChild(Children[0]);
    }

    /// <inheritdoc />
    protected override void OnChildCompleted(ActivityContext context, ChildCompletion child)
    {
        var next = context.Counter + 1;
        if (next < Children.Count)
        {
            context.Counter = next;
            context.StartChild(Children[next]);
        }
        else
        {
            context.Complete(child.Outcome);
        }
    }
}
