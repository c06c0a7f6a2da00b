namespace CampaignFlow.Workflows.Persistence;

/// <summary>The answer to <see cref="IWorkflowStore.CommitAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="ExistingInstanceId">For <see cref="CommitStatus.DuplicateStart"/>: the instance that holds the key.</param>
/// <param name="InboxItemId">For the inbox statuses: the offending item.</param>
public readonly record struct CommitResult(CommitStatus Status, string? ExistingInstanceId = null, string? InboxItemId = null)
{
    /// <summary>A successful commit.</summary>
    public static CommitResult Success => new(CommitStatus.Committed);
}
