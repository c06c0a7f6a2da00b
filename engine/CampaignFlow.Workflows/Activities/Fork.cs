namespace CampaignFlow.Workflows.Activities;

/// <summary>The parallel activity: starts all branches at once and joins them explicitly (<see cref="JoinMode.All"/> by default). Named Fork, as in Elsa, so it never clashes with <see cref="System.Threading.Tasks.Parallel"/>.</summary>
/// <remarks>
/// The join asks the instance whether this execution still has live children; it counts nothing. Each
/// entry into the parallel (say, in the next loop iteration) is a new execution with new children, so a
/// branch finishing late in one pass can never be mistaken for a branch of another.
/// </remarks>
public sealed class Fork(string id, params Activity[] branches) : Activity(id)
{
    /// <inheritdoc />
    public override IReadOnlyList<Activity> Children { get; } = branches;

    /// <summary>All branches (default) or the first one.</summary>
    public JoinMode Join { get; init; } = JoinMode.All;

    /// <inheritdoc />
    protected override void OnStart(ActivityContext context)
    {
        if (Children.Count == 0)
        {
            context.Complete();
            return;
        }
        foreach (var branch in Children)
        {
            context.StartChild(branch);
        }
    }

    /// <inheritdoc />
    protected override void OnChildCompleted(ActivityContext context, ChildCompletion child)
    {
        if (Join == JoinMode.Any || !context.HasActiveChildren)
        {
            context.Complete(Join == JoinMode.Any ? child.Outcome : null);
        }
    }
}
