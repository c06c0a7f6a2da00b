using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Workflows.Persistence.InMemory;

/// <summary>
/// A thread-safe <see cref="IWorkflowStore"/> in process memory, for tests, simulations and single-process
/// hosts that need no durability. One lock guards everything, which keeps every commit trivially atomic.
/// </summary>
/// <remarks>
/// Due timers live in a sorted set by due time, so claiming them reads the front of the set and never
/// scans instances. Instances are copied on the way out; a committed state becomes the store's own, so the
/// caller must not touch it after <see cref="CommitAsync"/> (the runtime never does).
/// </remarks>
/// <threadsafety>All members are safe for concurrent use.</threadsafety>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InstanceRecord> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<(string DefinitionId, string CorrelationKey), string> _starts = new();
    private readonly Dictionary<BookmarkKey, List<string>> _bookmarks = new();
    private readonly Dictionary<WorkflowStatus, HashSet<string>> _byStatus = new();
    private readonly SortedSet<ScheduledTimer> _timers = new(TimerOrder.Instance);
    private readonly Dictionary<(string InstanceId, string TimerId), Lease> _timerClaims = new();
    private readonly Dictionary<string, InboxItem> _inbox = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idempotencyKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _pendingSequence = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, InboxItem> _pending = new();
    private readonly Dictionary<BookmarkKey, List<InboxItem>> _pendingByKey = new();
    private readonly Dictionary<string, Lease> _inboxClaims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _deliveries = new(StringComparer.Ordinal);
    private long _nextInboxSequence;

    /// <summary>How many instances are stored.</summary>
    public int InstanceCount
    {
        get
        {
            lock (_gate)
            {
                return _instances.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<WorkflowInstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_instances.TryGetValue(instanceId, out var record) ? record.State.Clone() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, WorkflowInstanceState>> GetInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var found = new Dictionary<string, WorkflowInstanceState>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var id in instanceIds)
            {
                if (_instances.TryGetValue(id, out var record))
                {
                    found[id] = record.State.Clone();
                }
            }
        }

        return new(found);
    }

    /// <inheritdoc />
    public ValueTask<string?> FindInstanceIdAsync(string definitionId, string correlationKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_starts.TryGetValue((definitionId, correlationKey), out var id) ? id : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> FindInstancesByBookmarkAsync(BookmarkKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_bookmarks.TryGetValue(key, out var ids) ? ids.ToArray() : []);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> FindInstancesByStatusAsync(WorkflowStatus status, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_byStatus.TryGetValue(status, out var ids) ? ids.Take(maxCount).ToArray() : []);
        }
    }

    /// <inheritdoc />
    public ValueTask<CommitResult> CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var state = commit.Instance;
        if (state.Version != commit.ExpectedVersion + 1)
        {
            throw new ArgumentException($"Instance '{state.InstanceId}' carries version {state.Version}; a commit expecting {commit.ExpectedVersion} must carry {commit.ExpectedVersion + 1}.", nameof(commit));
        }

        lock (_gate)
        {
            var check = Validate(commit);
            if (check.Status != CommitStatus.Committed)
            {
                return new(check);
            }

            if (!_instances.TryGetValue(state.InstanceId, out var record))
            {
                record = new InstanceRecord(state);
                _instances.Add(state.InstanceId, record);
                _starts.Add((state.DefinitionId, state.CorrelationKey), state.InstanceId);
                StatusSet(state.Status).Add(state.InstanceId);
            }
            else if (record.State.Status != state.Status)
            {
                StatusSet(record.State.Status).Remove(state.InstanceId);
                StatusSet(state.Status).Add(state.InstanceId);
            }
            record.State = state;
            record.AppendJournal(commit.Journal);

            foreach (var key in commit.BookmarksRemoved)
            {
                if (_bookmarks.TryGetValue(key, out var ids) && ids.Remove(state.InstanceId) && ids.Count == 0)
                {
                    _bookmarks.Remove(key);
                }
            }
            foreach (var key in commit.BookmarksAdded)
            {
                if (!_bookmarks.TryGetValue(key, out var ids))
                {
                    _bookmarks.Add(key, ids = new List<string>(1));
                }

                if (!ids.Contains(state.InstanceId))
                {
                    ids.Add(state.InstanceId);
                }
            }

            foreach (var timer in commit.TimersRemoved)
            {
                _timers.Remove(timer);
                _timerClaims.Remove((timer.InstanceId, timer.Id));
            }
            foreach (var timer in commit.TimersScheduled)
            {
                _timers.Add(timer.Clone());
            }

            foreach (var itemId in commit.InboxDelivered)
            {
                // A completed item can never be delivered again, so only fan-out deliveries need remembering.
                if (commit.InboxCompleted.Contains(itemId))
                {
                    continue;
                }

                if (!_deliveries.TryGetValue(itemId, out var instances))
                {
                    _deliveries.Add(itemId, instances = new HashSet<string>(StringComparer.Ordinal));
                }

                instances.Add(state.InstanceId);
            }
            foreach (var itemId in commit.InboxCompleted)
            {
                Settle(_inbox[itemId], InboxItemStatus.Completed);
            }

            return new(CommitResult.Success);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_instances.TryGetValue(instanceId, out var record) ? record.ReadJournal(afterSequence) : []);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ScheduledTimer>> ClaimDueTimersAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var claimed = new List<ScheduledTimer>();
            foreach (var timer in _timers)
            {
                if (timer.DueAt > now || claimed.Count >= maxCount)
                {
                    break;
                }

                var key = (timer.InstanceId, timer.Id);
                if (_timerClaims.TryGetValue(key, out var held) && held.Until > now && held.ClaimerId != claimerId)
                {
                    continue;
                }

                _timerClaims[key] = new Lease(claimerId, now + lease);
                claimed.Add(timer.Clone());
            }
            return new(claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetNextTimerDueAtAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_timers.Count == 0 ? null : _timers.Min!.DueAt);
        }
    }

    /// <inheritdoc />
    public ValueTask<EnqueueResult> EnqueueSignalAsync(InboxItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            if (_idempotencyKeys.TryGetValue(item.IdempotencyKey, out var existingId))
            {
                return new(new EnqueueResult(false, _inbox[existingId].Clone()));
            }

            var stored = item.Clone();
            _inbox.Add(stored.Id, stored);
            _idempotencyKeys.Add(stored.IdempotencyKey, stored.Id);
            if (stored.Status == InboxItemStatus.Pending)
            {
                var sequence = _nextInboxSequence++;
                _pendingSequence.Add(stored.Id, sequence);
                _pending.Add(sequence, stored);
                var key = stored.Signal.Key;
                if (!_pendingByKey.TryGetValue(key, out var list))
                {
                    _pendingByKey.Add(key, list = new List<InboxItem>(1));
                }

                list.Add(stored);
            }
            return new(new EnqueueResult(true, item));
        }
    }

    /// <inheritdoc />
    public ValueTask<InboxItem?> GetInboxItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_inbox.TryGetValue(itemId, out var item) ? item.Clone() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InboxItem>> FindPendingSignalsAsync(IReadOnlyCollection<BookmarkKey> keys, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            List<InboxItem>? found = null;
            foreach (var key in keys)
            {
                if (!_pendingByKey.TryGetValue(key, out var items))
                {
                    continue;
                }

                foreach (var item in items)
                {
                    if (item.ExpiresAt > now)
                    {
                        (found ??= []).Add(item);
                    }
                }
            }
            if (found is null)
            {
                return new([]);
            }

            found.Sort((a, b) => _pendingSequence[a.Id].CompareTo(_pendingSequence[b.Id]));
            return new(found.ConvertAll(i => i.Clone()));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InboxItem>> ClaimInboxAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var claimed = new List<InboxItem>();
            List<InboxItem>? expired = null;
            foreach (var item in _pending.Values)
            {
                if (item.ExpiresAt <= now)
                {
                    (expired ??= []).Add(item);
                    continue;
                }
                if (claimed.Count >= maxCount)
                {
                    break;
                }

                if (_inboxClaims.TryGetValue(item.Id, out var held) && held.Until > now)
                {
                    continue;
                }

                _inboxClaims[item.Id] = new Lease(claimerId, now + lease);
                claimed.Add(item.Clone());
            }
            if (expired is not null)
            {
                foreach (var item in expired)
                {
                    Settle(item, InboxItemStatus.Expired);
                }
            }
            return new(claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteInboxItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_inbox.TryGetValue(itemId, out var item) || item.Status != InboxItemStatus.Pending)
            {
                return new(false);
            }

            Settle(item, InboxItemStatus.Completed);
            return new(true);
        }
    }

    private HashSet<string> StatusSet(WorkflowStatus status)
    {
        if (!_byStatus.TryGetValue(status, out var ids))
        {
            _byStatus.Add(status, ids = new HashSet<string>(StringComparer.Ordinal));
        }

        return ids;
    }

    private CommitResult Validate(WorkflowCommit commit)
    {
        var state = commit.Instance;
        if (commit.ExpectedVersion == 0)
        {
            if (_starts.TryGetValue((state.DefinitionId, state.CorrelationKey), out var existing))
            {
                return new CommitResult(CommitStatus.DuplicateStart, ExistingInstanceId: existing);
            }

            if (_instances.ContainsKey(state.InstanceId))
            {
                return new CommitResult(CommitStatus.VersionConflict);
            }
        }
        else if (!_instances.TryGetValue(state.InstanceId, out var record) || record.State.Version != commit.ExpectedVersion)
        {
            return new CommitResult(CommitStatus.VersionConflict);
        }

        foreach (var itemId in commit.InboxDelivered)
        {
            if (!_inbox.TryGetValue(itemId, out var item) || item.Status != InboxItemStatus.Pending)
            {
                return new CommitResult(CommitStatus.InboxItemNotPending, InboxItemId: itemId);
            }

            if (_deliveries.TryGetValue(itemId, out var deliveredTo) && deliveredTo.Contains(state.InstanceId))
            {
                return new CommitResult(CommitStatus.AlreadyDelivered, InboxItemId: itemId);
            }
        }
        foreach (var itemId in commit.InboxCompleted)
        {
            if (!_inbox.TryGetValue(itemId, out var item) || item.Status != InboxItemStatus.Pending)
            {
                return new CommitResult(CommitStatus.InboxItemNotPending, InboxItemId: itemId);
            }
        }
        return CommitResult.Success;
    }

    private void Settle(InboxItem item, InboxItemStatus status)
    {
        item.Status = status;
        _inboxClaims.Remove(item.Id);
        if (_pendingSequence.Remove(item.Id, out var sequence))
        {
            _pending.Remove(sequence);
        }

        var key = item.Signal.Key;
        if (_pendingByKey.TryGetValue(key, out var list) && list.Remove(item) && list.Count == 0)
        {
            _pendingByKey.Remove(key);
        }

        _deliveries.Remove(item.Id);
    }

    private sealed class InstanceRecord(WorkflowInstanceState state)
    {
        // One exact-size array per commit, held in an exact-size array of segments: a growing list would keep
        // up to half its capacity empty in every idle instance, and one flat array would be copied whole on
        // every commit. Growing the segment table copies only references.
        private JournalEntry[][] _journal = [];
        private int _journalCount;

        public WorkflowInstanceState State { get; set; } = state;

        public void AppendJournal(IReadOnlyList<JournalEntry> entries)
        {
            if (entries.Count == 0)
            {
                return;
            }

            var segment = new JournalEntry[entries.Count];
            for (var i = 0; i < segment.Length; i++)
            {
                segment[i] = entries[i];
            }

            Array.Resize(ref _journal, _journal.Length + 1);
            _journal[^1] = segment;
            _journalCount += segment.Length;
        }

        public IReadOnlyList<JournalEntry> ReadJournal(long afterSequence)
        {
            var result = new List<JournalEntry>(_journalCount);
            foreach (var segment in _journal)
            {
                foreach (var entry in segment)
                {
                    if (entry.Sequence > afterSequence)
                    {
                        result.Add(entry);
                    }
                }
            }
            return result;
        }
    }
}
