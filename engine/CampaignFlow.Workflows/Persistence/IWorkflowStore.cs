using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Partitions;

namespace CampaignFlow.Workflows.Persistence;

/// <summary>
/// Persistence the runtime needs: instance documents, their journals, the due-timer index, the bookmark
/// index and the signal inbox. Every store (in-memory, SQLite, PostgreSQL) passes the same conformance
/// suite (<c>CampaignFlow.Workflows.Conformance</c>).
/// </summary>
/// <threadsafety>Implementations must be safe for concurrent use by many runtimes and hosts.</threadsafety>
public interface IWorkflowStore
{
    /// <summary>Loads an instance; the returned object is the caller's own copy.</summary>
    ValueTask<WorkflowInstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads several instances, by id; ids without an instance are left out. Each returned object is the caller's own
    /// copy. Stores answer in one query (what makes a batch of due timers one read); this default loads each in turn.
    /// </summary>
    async ValueTask<IReadOnlyDictionary<string, WorkflowInstanceState>> GetInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var found = new Dictionary<string, WorkflowInstanceState>(StringComparer.Ordinal);
        foreach (var id in instanceIds)
        {
            if (await GetInstanceAsync(id, cancellationToken).ConfigureAwait(false) is { } state)
            {
                found[id] = state;
            }
        }

        return found;
    }

    /// <summary>The instance started for (definition id, correlation key), if any.</summary>
    ValueTask<string?> FindInstanceIdAsync(string definitionId, string correlationKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The instances started for <paramref name="definitionId"/> and each of <paramref name="correlationKeys"/> that has
    /// one, by correlation key. Stores answer in one query; this default asks for each key in turn.
    /// </summary>
    async ValueTask<IReadOnlyDictionary<string, FoundInstance>> FindInstancesAsync(string definitionId, IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationKeys);
        var found = new Dictionary<string, FoundInstance>(StringComparer.Ordinal);
        foreach (var key in correlationKeys)
        {
            if (await FindInstanceIdAsync(definitionId, key, cancellationToken).ConfigureAwait(false) is { } id
                && await GetInstanceAsync(id, cancellationToken).ConfigureAwait(false) is { } state)
            {
                found[key] = new FoundInstance(id, state.Status);
            }
        }

        return found;
    }

    /// <summary>Ids of the instances holding a bookmark with this key (one indexed lookup).</summary>
    ValueTask<IReadOnlyList<string>> FindInstancesByBookmarkAsync(BookmarkKey key, CancellationToken cancellationToken = default);

    /// <summary>Ids of up to <paramref name="maxCount"/> instances in <paramref name="status"/> (an indexed lookup), e.g. the faulted ones awaiting a retry.</summary>
    ValueTask<IReadOnlyList<string>> FindInstancesByStatusAsync(WorkflowStatus status, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Applies a commit atomically, checking the expected version, start uniqueness and inbox rules.</summary>
    ValueTask<CommitResult> CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies several commits, each exactly as <see cref="CommitAsync"/> would and each all or nothing on its own: one
    /// that fails its checks leaves nothing of itself, the others stand. Stores apply them in one transaction (what
    /// makes starting thousands of instances cheap); this default commits each in turn. Results come in order.
    /// </summary>
    async ValueTask<IReadOnlyList<CommitResult>> CommitManyAsync(IReadOnlyList<WorkflowCommit> commits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var results = new CommitResult[commits.Count];
        for (var i = 0; i < commits.Count; i++)
        {
            results[i] = await CommitAsync(commits[i], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>An instance's journal in sequence order, from <paramref name="afterSequence"/> (exclusive).</summary>
    ValueTask<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> timers due at or before <paramref name="now"/>, earliest first,
    /// that are unclaimed, claimed by <paramref name="claimerId"/> itself, or whose lease has run out. The
    /// claim lasts until <paramref name="now"/> + <paramref name="lease"/> or until a commit removes the timer.
    /// </summary>
    ValueTask<IReadOnlyList<ScheduledTimer>> ClaimDueTimersAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ClaimDueTimersAsync(DateTimeOffset, string, TimeSpan, int, CancellationToken)"/>, of the instances
    /// in <paramref name="partitions"/> only (by their correlation keys), so that hosts sharing the store each fire the
    /// timers of their own partitions. Stores that several hosts share select in their query; this default serves a
    /// host that works every partition and refuses otherwise.
    /// </summary>
    ValueTask<IReadOnlyList<ScheduledTimer>> ClaimOwnedDueTimersAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, OwnedPartitions partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return partitions.IsAll
            ? ClaimDueTimersAsync(now, claimerId, lease, maxCount, cancellationToken)
            : throw new NotSupportedException("this store is worked by one host, which owns every partition");
    }

    /// <summary>The earliest due time of any pending timer, so a host knows how long it may sleep.</summary>
    ValueTask<DateTimeOffset?> GetNextTimerDueAtAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The earliest due time of a pending timer of the instances in <paramref name="partitions"/>, so that a host does
    /// not wake for another host's timers. This default serves a host that works every partition and refuses otherwise.
    /// </summary>
    ValueTask<DateTimeOffset?> GetNextOwnedTimerDueAtAsync(OwnedPartitions partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return partitions.IsAll
            ? GetNextTimerDueAtAsync(cancellationToken)
            : throw new NotSupportedException("this store is worked by one host, which owns every partition");
    }

    /// <summary>Stores a received signal unless its idempotency key is already known.</summary>
    ValueTask<EnqueueResult> EnqueueSignalAsync(InboxItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores several received signals, each as <see cref="EnqueueSignalAsync"/> would; stores write them in one
    /// transaction, this default one at a time. Results come in order.
    /// </summary>
    async ValueTask<IReadOnlyList<EnqueueResult>> EnqueueSignalsAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new EnqueueResult[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            results[i] = await EnqueueSignalAsync(items[i], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>An inbox item by id.</summary>
    ValueTask<InboxItem?> GetInboxItemAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>Pending, unexpired inbox items whose signal matches one of <paramref name="keys"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<InboxItem>> FindPendingSignalsAsync(IReadOnlyCollection<BookmarkKey> keys, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> pending inbox items, oldest first, that are unclaimed or whose
    /// lease ran out. Items past their expiry are marked <see cref="InboxItemStatus.Expired"/> instead.
    /// </summary>
    ValueTask<IReadOnlyList<InboxItem>> ClaimInboxAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ClaimInboxAsync(DateTimeOffset, string, TimeSpan, int, CancellationToken)"/>, of the items whose
    /// correlation falls in <paramref name="partitions"/> only. Stores that several hosts share select in their query;
    /// this default serves a host that works every partition and refuses otherwise.
    /// </summary>
    ValueTask<IReadOnlyList<InboxItem>> ClaimOwnedInboxAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, OwnedPartitions partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return partitions.IsAll
            ? ClaimInboxAsync(now, claimerId, lease, maxCount, cancellationToken)
            : throw new NotSupportedException("this store is worked by one host, which owns every partition");
    }

    /// <summary>Marks a pending item completed; false if it was not pending.</summary>
    ValueTask<bool> CompleteInboxItemAsync(string itemId, CancellationToken cancellationToken = default);
}
