using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Workflows.Tests;

/// <summary>A store that loses its connection on chosen commits, to play a host crashing mid-transition.</summary>
internal sealed class CrashingStore(IWorkflowStore inner) : IWorkflowStore
{
    private int _commits;

    /// <summary>1-based numbers of the commits (counted from now) that fail before reaching the store.</summary>
    public HashSet<int> FailingCommits { get; } = [];

    public void ResetCount() => _commits = 0;

    public ValueTask<CommitResult> CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default) =>
        FailingCommits.Contains(Interlocked.Increment(ref _commits))
            ? throw new IOException("connection to the store lost")
            : inner.CommitAsync(commit, cancellationToken);

    public ValueTask<WorkflowInstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => inner.GetInstanceAsync(instanceId, cancellationToken);
    public ValueTask<string?> FindInstanceIdAsync(string definitionId, string correlationKey, CancellationToken cancellationToken = default) => inner.FindInstanceIdAsync(definitionId, correlationKey, cancellationToken);
    public ValueTask<IReadOnlyList<string>> FindInstancesByBookmarkAsync(BookmarkKey key, CancellationToken cancellationToken = default) => inner.FindInstancesByBookmarkAsync(key, cancellationToken);
    public ValueTask<IReadOnlyList<string>> FindInstancesByStatusAsync(WorkflowStatus status, int maxCount, CancellationToken cancellationToken = default) => inner.FindInstancesByStatusAsync(status, maxCount, cancellationToken);
    public ValueTask<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, CancellationToken cancellationToken = default) => inner.GetJournalAsync(instanceId, afterSequence, cancellationToken);
    public ValueTask<IReadOnlyList<ScheduledTimer>> ClaimDueTimersAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default) => inner.ClaimDueTimersAsync(now, claimerId, lease, maxCount, cancellationToken);
    public ValueTask<DateTimeOffset?> GetNextTimerDueAtAsync(CancellationToken cancellationToken = default) => inner.GetNextTimerDueAtAsync(cancellationToken);
    public ValueTask<EnqueueResult> EnqueueSignalAsync(InboxItem item, CancellationToken cancellationToken = default) => inner.EnqueueSignalAsync(item, cancellationToken);
    public ValueTask<InboxItem?> GetInboxItemAsync(string itemId, CancellationToken cancellationToken = default) => inner.GetInboxItemAsync(itemId, cancellationToken);
    public ValueTask<IReadOnlyList<InboxItem>> FindPendingSignalsAsync(IReadOnlyCollection<BookmarkKey> keys, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.FindPendingSignalsAsync(keys, now, cancellationToken);
    public ValueTask<IReadOnlyList<InboxItem>> ClaimInboxAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default) => inner.ClaimInboxAsync(now, claimerId, lease, maxCount, cancellationToken);
    public ValueTask<bool> CompleteInboxItemAsync(string itemId, CancellationToken cancellationToken = default) => inner.CompleteInboxItemAsync(itemId, cancellationToken);
}
