namespace CampaignFlow.Workflows.Persistence;

/// <summary>The answer to <see cref="IWorkflowStore.EnqueueSignalAsync"/>.</summary>
/// <param name="Accepted">False when an item with the same idempotency key already existed.</param>
/// <param name="Item">The stored item: the new one, or the earlier one for a duplicate.</param>
public sealed record EnqueueResult(bool Accepted, InboxItem Item);
