using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Runtime;

/// <summary>
/// Starts instances, applies signals and fires due timers, committing each transition to the store
/// as one unit of work under optimistic concurrency.
/// </summary>
/// <remarks>
/// <para>
/// Every stimulus follows one path: load the instance, apply the stimulus, run activities until every
/// branch is blocked, apply any parked signals the new bookmarks match, commit. A version conflict throws
/// the work away and redoes it on a fresh load, so concurrent signals to one instance are applied one
/// after the other and none is lost.
/// </para>
/// <para>
/// A host calls <see cref="RunDueTimersAsync"/> and <see cref="ProcessInboxAsync"/> in a loop (sleeping
/// until <see cref="GetNextTimerDueAtAsync"/>). Timers and inbox items are claimed with leases, so
/// several hosts on one store do not do the same work; the instance version makes sure that even a
/// lease that ran out cannot fire a timer twice.
/// </para>
/// </remarks>
/// <threadsafety>Safe for concurrent use; it holds no per-instance state between calls.</threadsafety>
/// <param name="store">Where instances, journals, timers and the inbox live.</param>
/// <param name="definitions">The definitions instances are started from and pinned to.</param>
/// <param name="clock">The source of time (a <c>ManualClock</c> in tests and simulations).</param>
/// <param name="options">Tuning; null for the defaults.</param>
public sealed class WorkflowRuntime(IWorkflowStore store, WorkflowDefinitionRegistry definitions, TimeProvider clock, WorkflowRuntimeOptions? options = null)
{
    private const int MaxParkedRounds = 64;
    private readonly WorkflowRuntimeOptions _options = options ?? new WorkflowRuntimeOptions();

    /// <summary>
    /// Starts an instance of the latest version of <paramref name="definitionId"/> for
    /// <paramref name="correlationKey"/>, unless one exists already: then that one is returned and nothing runs.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The definition is not registered.</exception>
    public Task<StartResult> StartAsync(string definitionId, string correlationKey,
        IReadOnlyDictionary<string, string>? input = null, CancellationToken cancellationToken = default) =>
        StartAtVersionAsync(definitionId, null, correlationKey, input, cancellationToken);

    /// <summary>
    /// Starts an instance of version <paramref name="version"/> of <paramref name="definitionId"/> (the latest when
    /// null) for <paramref name="correlationKey"/>, unless one exists already: then that one is returned and nothing
    /// runs. A host moving a correlation to an older version needs the version it names, not the latest.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The definition or the version is not registered.</exception>
    public async Task<StartResult> StartAtVersionAsync(string definitionId, int? version, string correlationKey,
        IReadOnlyDictionary<string, string>? input = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await store.FindInstanceIdAsync(definitionId, correlationKey, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return await ExistingAsync(existing, cancellationToken).ConfigureAwait(false);
            }

            var definition = version is { } v ? definitions.Get(definitionId, v) : definitions.GetLatest(definitionId);
            var run = InstanceRun.StartNew(definition, NewId(), correlationKey, input, clock.GetUtcNow(), _options.MaxStepsPerTransition);
            run.RunUntilBlocked();
            await DeliverParkedSignalsAsync(run, cancellationToken).ConfigureAwait(false);
            var status = run.State.Status;
            var result = await store.CommitAsync(run.BuildCommit(), cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case CommitStatus.Committed:
                    return new StartResult(run.State.InstanceId, true, status);
                case CommitStatus.DuplicateStart:
                    return await ExistingAsync(result.ExistingInstanceId!, cancellationToken).ConfigureAwait(false);
                default:
                    // A parked signal this start picked up was taken by someone else meanwhile: start afresh.
                    if (attempt >= _options.MaxCommitAttempts)
                    {
                        throw new WorkflowConcurrencyException(run.State.InstanceId, attempt);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Starts an instance of the latest version of <paramref name="definitionId"/> for each of
    /// <paramref name="correlationKeys"/> that has none, as <see cref="StartAsync"/> does for one, with the store asked
    /// once for the existing ones, once for signals parked for the new ones' bookmarks, and once to commit them all.
    /// A start that loses a race (another host started the key, or took a parked signal) is retried alone.
    /// </summary>
    /// <returns>One result per key, in order.</returns>
    /// <exception cref="KeyNotFoundException">The definition is not registered.</exception>
    public async Task<IReadOnlyList<StartResult>> StartManyAsync(string definitionId, IReadOnlyList<string> correlationKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationKeys);
        var results = new StartResult?[correlationKeys.Count];
        var existing = await store.FindInstancesAsync(definitionId, correlationKeys, cancellationToken).ConfigureAwait(false);
        var definition = definitions.GetLatest(definitionId);
        var fresh = new List<(int Index, InstanceRun Run)>();
        var byBookmark = new Dictionary<BookmarkKey, List<InstanceRun>>();
        var now = clock.GetUtcNow();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < correlationKeys.Count; i++)
        {
            if (existing.TryGetValue(correlationKeys[i], out var found))
            {
                results[i] = new StartResult(found.InstanceId, false, found.Status);
                continue;
            }

            if (!first.TryAdd(correlationKeys[i], i))
            {
                continue; // a key given twice is started once; its result is copied below
            }

            var run = InstanceRun.StartNew(definition, NewId(), correlationKeys[i], null, now, _options.MaxStepsPerTransition);
            run.RunUntilBlocked();
            fresh.Add((i, run));
            foreach (var key in run.TakeNewBookmarkKeys())
            {
                (byBookmark.TryGetValue(key, out var runs) ? runs : byBookmark[key] = []).Add(run);
            }
        }

        // Signals parked for bookmarks before their instances existed: rare, so asked for all at once, and only the runs
        // that have some go on to StartAsync's rounds.
        var parked = byBookmark.Count == 0 ? [] : await store.FindPendingSignalsAsync(byBookmark.Keys, now, cancellationToken).ConfigureAwait(false);
        foreach (var run in parked.SelectMany(item => byBookmark.GetValueOrDefault(item.Signal.Key) ?? []).Distinct())
        {
            foreach (var item in parked.Where(p => byBookmark[p.Signal.Key].Contains(run)))
            {
                run.DeliverSignal(item, completeItem: true);
            }

            run.RunUntilBlocked();
            await DeliverParkedSignalsAsync(run, cancellationToken).ConfigureAwait(false);
        }

        // A start that took parked signals commits alone: a batch holding inbox rows locked for one start while it locks
        // them for the next could deadlock against another host's batch. Such starts are rare.
        var commits = fresh.Select(f => f.Run.BuildCommit()).ToArray();
        var batch = commits.Where(c => c.InboxDelivered.Count == 0 && c.InboxCompleted.Count == 0).ToArray();
        var batched = batch.Length == 0 ? [] : await store.CommitManyAsync(batch, cancellationToken).ConfigureAwait(false);
        var committed = new CommitResult[commits.Length];
        for (int c = 0, b = 0; c < commits.Length; c++)
        {
            committed[c] = commits[c].InboxDelivered.Count == 0 && commits[c].InboxCompleted.Count == 0
                ? batched[b++]
                : await store.CommitAsync(commits[c], cancellationToken).ConfigureAwait(false);
        }

        for (var f = 0; f < fresh.Count; f++)
        {
            var (index, run) = fresh[f];
            results[index] = committed[f].Status switch
            {
                CommitStatus.Committed => new StartResult(run.State.InstanceId, true, run.State.Status),
                CommitStatus.DuplicateStart => await ExistingAsync(committed[f].ExistingInstanceId!, cancellationToken).ConfigureAwait(false),
                _ => await StartAsync(definitionId, correlationKeys[index], cancellationToken: cancellationToken).ConfigureAwait(false),
            };
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= results[first[correlationKeys[i]]]! with { Created = false };
        }

        return results!;
    }

    /// <summary>
    /// Receives a signal: stores it in the inbox (once per idempotency key) and applies it to every instance
    /// holding a matching bookmark. With no match it stays parked in the inbox until a matching bookmark
    /// appears (applied in that bookmark's own commit) or <see cref="WorkflowRuntimeOptions.InboxRetention"/> passes.
    /// </summary>
    /// <exception cref="WorkflowConcurrencyException">The instance kept changing under every commit attempt; the stimulus stays stored and is retried later.</exception>
    public async Task<SignalResult> SendSignalAsync(Signal signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var item = NewInboxItem(signal, clock.GetUtcNow());
        var id = item.Id;
        var enqueued = await store.EnqueueSignalAsync(item, cancellationToken).ConfigureAwait(false);
        if (!enqueued.Accepted)
        {
            return new SignalResult(enqueued.Item.Id, SignalDisposition.Duplicate, 0);
        }

        var resumed = await DeliverAsync(item, cancellationToken).ConfigureAwait(false);
        return new SignalResult(id, resumed > 0 ? SignalDisposition.Delivered : SignalDisposition.Parked, resumed);
    }

    /// <summary>
    /// <see cref="SendSignalAsync"/> for many signals at once: stored in one call, the instances holding their
    /// bookmarks read in one call and moved on, and committed in one call (one transaction where the store has them).
    /// A signal whose bookmark several instances hold, whose instance an earlier signal of the batch moves, or whose
    /// commit met a change is delivered alone afterwards, exactly as <see cref="SendSignalAsync"/> delivers it.
    /// </summary>
    /// <returns>Each signal's result, in order.</returns>
    public async Task<IReadOnlyList<SignalResult>> SendSignalsAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var now = clock.GetUtcNow();
        var items = signals.Select(signal => NewInboxItem(signal, now)).ToArray();
        var enqueued = await store.EnqueueSignalsAsync(items, cancellationToken).ConfigureAwait(false);
        var results = new SignalResult[items.Length];
        var targets = new SortedDictionary<string, int>(StringComparer.Ordinal); // instance → the one item moving it here
        var alone = new List<int>();
        for (var i = 0; i < items.Length; i++)
        {
            if (!enqueued[i].Accepted)
            {
                results[i] = new SignalResult(enqueued[i].Item.Id, SignalDisposition.Duplicate, 0);
                continue;
            }

            var instances = await store.FindInstancesByBookmarkAsync(items[i].Signal.Key, cancellationToken).ConfigureAwait(false);
            if (instances.Count == 0)
            {
                results[i] = new SignalResult(items[i].Id, SignalDisposition.Parked, 0);
            }
            else if (instances.Count > 1 || !targets.TryAdd(instances[0], i))
            {
                alone.Add(i);
            }
        }

        var states = targets.Count == 0 ? new Dictionary<string, WorkflowInstanceState>()
            : await store.GetInstancesAsync(targets.Keys.ToArray(), cancellationToken).ConfigureAwait(false);
        var runs = new List<(int Item, InstanceRun Run)>(targets.Count);
        foreach (var (instanceId, i) in targets)
        {
            if (!states.TryGetValue(instanceId, out var state))
            {
                alone.Add(i);
                continue;
            }

            var run = new InstanceRun(definitions.Get(state.DefinitionId, state.DefinitionVersion), state, now, _options.MaxStepsPerTransition);
            if (run.DeliverSignal(items[i], completeItem: true) == 0)
            {
                alone.Add(i); // the bookmark went since it was found: alone decides what becomes of the item
                continue;
            }

            run.RunUntilBlocked();
            runs.Add((i, run));
        }

        await DeliverParkedSignalsAsync(runs.ConvertAll(r => r.Run), cancellationToken).ConfigureAwait(false);

        // In instance order (targets is sorted), as timers' batches. A commit that also took parked signals goes alone, as
        // in FireBatchAsync: other items' inbox rows must not be held across other instances' commits.
        var commits = runs.ConvertAll(r => r.Run.BuildCommit());
        bool Alone(WorkflowCommit commit, int item) => commit.InboxDelivered.Any(id => id != items[item].Id) || commit.InboxCompleted.Any(id => id != items[item].Id);
        var batch = commits.Where((c, k) => !Alone(c, runs[k].Item)).ToArray();
        var batched = batch.Length == 0 ? [] : await store.CommitManyAsync(batch, cancellationToken).ConfigureAwait(false);
        var tookParked = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0, b = 0; k < runs.Count; k++)
        {
            var i = runs[k].Item;
            var result = Alone(commits[k], i)
                ? await store.CommitAsync(commits[k], cancellationToken).ConfigureAwait(false)
                : batched[b++];
            if (result.Status == CommitStatus.Committed)
            {
                results[i] = new SignalResult(items[i].Id, SignalDisposition.Delivered, 1);
                tookParked.UnionWith(commits[k].InboxDelivered);
            }
            else
            {
                alone.Add(i); // changed under us: redone on a fresh load
            }
        }

        // A signal of the batch that found no bookmark may have been taken by a bookmark another of its signals opened.
        for (var i = 0; i < items.Length; i++)
        {
            if (results[i] is { Disposition: SignalDisposition.Parked } && tookParked.Contains(items[i].Id))
            {
                results[i] = new SignalResult(items[i].Id, SignalDisposition.Delivered, 1);
            }
        }

        alone.Sort();
        foreach (var i in alone)
        {
            var resumed = await DeliverAsync(items[i], cancellationToken).ConfigureAwait(false);
            results[i] = new SignalResult(items[i].Id, resumed > 0 ? SignalDisposition.Delivered : SignalDisposition.Parked, resumed);
        }

        return results;
    }

    /// <summary>
    /// Fires every timer due by now, earliest first, including timers that firing schedules and that are
    /// already due (a clock that jumped months replays them in order). Returns how many fired.
    /// </summary>
    /// <remarks>A late timer's transition runs at the timer's due time, so a jump of the clock yields the same journal times as steady time.</remarks>
    public async Task<int> RunDueTimersAsync(CancellationToken cancellationToken = default) =>
        (await FireDueTimersAsync(cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>
    /// Does what <see cref="RunDueTimersAsync"/> does and says which timers fired, in the order they fired, with the
    /// instance each belongs to, so a host can act on the instances whose time moved (refresh what it derives from
    /// them) without scanning every instance.
    /// </summary>
    /// <remarks>
    /// Timers are claimed in batches of <see cref="WorkflowRuntimeOptions.BatchSize"/>, and each batch is fired in one
    /// read of its instances, one look for signals parked on the bookmarks they open, and one transaction for their
    /// commits: a period boundary of thousands of instances costs a few store calls per batch, not a few per instance.
    /// Each instance fires one timer of a batch, its earliest: what that timer schedules or cancels decides which of
    /// the instance's timers is next, so the others wait for the next claim, which sees it. A commit that loses a race
    /// is redone alone on a fresh load, as any transition is.
    /// </remarks>
    public async Task<IReadOnlyList<FiredTimer>> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var fired = new List<FiredTimer>();
        var attempted = new HashSet<(string, string)>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claims = _options.Partitions is { } partitions
                ? await store.ClaimOwnedDueTimersAsync(clock.GetUtcNow(), _options.ClaimerId, _options.TimerLease, _options.BatchSize, partitions.Current, cancellationToken).ConfigureAwait(false)
                : await store.ClaimDueTimersAsync(clock.GetUtcNow(), _options.ClaimerId, _options.TimerLease, _options.BatchSize, cancellationToken).ConfigureAwait(false);
            var batch = new List<ScheduledTimer>();
            var instances = new HashSet<string>(StringComparer.Ordinal);
            foreach (var timer in claims)
            {
                if (instances.Contains(timer.InstanceId) || !attempted.Add((timer.InstanceId, timer.Id)))
                {
                    continue; // a later timer of an instance in this batch, or a stale index entry already tried
                }

                instances.Add(timer.InstanceId);
                batch.Add(timer);
            }

            if (batch.Count == 0)
            {
                return fired;
            }

            fired.AddRange(await FireBatchAsync(batch, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Fires one timer each of distinct instances: one read, one look for parked signals, one transaction.</summary>
    private async Task<IReadOnlyList<FiredTimer>> FireBatchAsync(IReadOnlyList<ScheduledTimer> timers, CancellationToken cancellationToken)
    {
        var states = await store.GetInstancesAsync(timers.Select(t => t.InstanceId).ToArray(), cancellationToken).ConfigureAwait(false);
        var runs = new List<(ScheduledTimer Timer, InstanceRun Run)>(timers.Count);
        foreach (var timer in timers)
        {
            if (!states.TryGetValue(timer.InstanceId, out var state))
            {
                continue;
            }

            var run = new InstanceRun(definitions.Get(state.DefinitionId, state.DefinitionVersion), state, timer.DueAt, _options.MaxStepsPerTransition);
            if (!run.FireTimer(timer.Id))
            {
                continue; // fired or cancelled already: a stale index entry
            }

            run.RunUntilBlocked();
            runs.Add((timer, run));
        }

        await DeliverParkedSignalsAsync(runs.ConvertAll(r => r.Run), cancellationToken).ConfigureAwait(false);

        // In instance order, so two hosts' batches that meet on a row (a lease ran out) lock their rows in one order. A
        // commit that took parked signals goes alone, as in StartManyAsync: its inbox rows must not be held across others.
        runs.Sort((a, b) => string.CompareOrdinal(a.Timer.InstanceId, b.Timer.InstanceId));
        var commits = runs.ConvertAll(r => r.Run.BuildCommit());
        static bool Alone(WorkflowCommit c) => c.InboxDelivered.Count > 0 || c.InboxCompleted.Count > 0;
        var batch = commits.Where(c => !Alone(c)).ToArray();
        var batched = batch.Length == 0 ? [] : await store.CommitManyAsync(batch, cancellationToken).ConfigureAwait(false);

        var fired = new List<FiredTimer>(runs.Count);
        for (int i = 0, b = 0; i < runs.Count; i++)
        {
            var (timer, run) = runs[i];
            var result = Alone(commits[i])
                ? await store.CommitAsync(commits[i], cancellationToken).ConfigureAwait(false)
                : batched[b++];
            var instance = run.State;
            if (result.Status != CommitStatus.Committed)
            {
                // Changed under us (a signal, another host whose lease ran out): redone alone on a fresh load.
                try
                {
                    var outcome = await TransitionAsync(timer.InstanceId, timer.DueAt, timer.Id,
                        static (r, timerId) => r.FireTimer(timerId), null, cancellationToken).ConfigureAwait(false);
                    if (outcome.Result != Transition.Applied || outcome.Instance is null)
                    {
                        continue;
                    }

                    instance = outcome.Instance;
                }
                catch (WorkflowConcurrencyException)
                {
                    continue; // the claim's lease runs out and this or another host tries again
                }
            }

            fired.Add(new FiredTimer(instance.InstanceId, instance.DefinitionId, instance.DefinitionVersion, instance.CorrelationKey, timer.Id, timer.Tag, timer.DueAt));
        }

        // Fired in due order, as the timers were claimed.
        return [.. fired.OrderBy(f => f.DueAt).ThenBy(f => f.InstanceId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Applies pending inbox signals whose bookmarks now exist (the safety net behind the direct delivery
    /// in <see cref="SendSignalAsync"/> and at bookmark creation); expires those past their retention.
    /// Returns how many signals were delivered.
    /// </summary>
    public async Task<int> ProcessInboxAsync(CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var items = _options.Partitions is { } partitions
                ? await store.ClaimOwnedInboxAsync(clock.GetUtcNow(), _options.ClaimerId, _options.InboxLease, _options.BatchSize, partitions.Current, cancellationToken).ConfigureAwait(false)
                : await store.ClaimInboxAsync(clock.GetUtcNow(), _options.ClaimerId, _options.InboxLease, _options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (items.Count == 0)
            {
                return delivered;
            }

            foreach (var item in items)
            {
                try
                {
                    if (await DeliverAsync(item, cancellationToken).ConfigureAwait(false) > 0)
                    {
                        delivered++;
                    }
                }
                catch (WorkflowConcurrencyException)
                {
                    // Still pending: the next lease picks it up again.
                }
            }
        }
    }

    /// <summary>Restarts the faulted activities of an instance (resolving their incidents). Returns false if none were faulted.</summary>
    /// <exception cref="WorkflowConcurrencyException">The instance kept changing under every commit attempt; the stimulus stays stored and is retried later.</exception>
    public async Task<bool> RetryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var outcome = await TransitionAsync(instanceId, null, 0, static (run, _) => run.Retry() > 0, null, cancellationToken).ConfigureAwait(false);
        return outcome.Result == Transition.Applied;
    }

    /// <summary>Cancels an instance: every execution, bookmark and timer goes. Returns false if it had already finished.</summary>
    /// <exception cref="WorkflowConcurrencyException">The instance kept changing under every commit attempt; the stimulus stays stored and is retried later.</exception>
    public async Task<bool> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        var outcome = await TransitionAsync(instanceId, null, reason, static (run, why) => run.CancelWorkflow(why), null, cancellationToken).ConfigureAwait(false);
        return outcome.Result == Transition.Applied;
    }

    /// <summary>
    /// Moves a running instance to another version of its definition. Live executions and bookmarks keep
    /// their state and are renamed through <paramref name="activityIdMap"/> (old id → new id; unmapped ids
    /// keep their name). Every live activity must exist in the target with the same activity type, else
    /// nothing changes and the exception lists each problem. Counters are kept as they are, so a sequence
    /// whose steps were reordered before the running step needs a version that accounts for it.
    /// </summary>
    /// <returns>False if the instance had already finished.</returns>
    /// <exception cref="InvalidOperationException">The mapping does not fit the target version.</exception>
    /// <exception cref="KeyNotFoundException">The instance or the target version does not exist.</exception>
    public async Task<bool> MigrateAsync(string instanceId, int targetVersion, IReadOnlyDictionary<string, string>? activityIdMap = null,
        CancellationToken cancellationToken = default)
    {
        var state = await store.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Instance '{instanceId}' does not exist.");
        var target = definitions.Get(state.DefinitionId, targetVersion);
        var outcome = await TransitionAsync(instanceId, null, (target, activityIdMap),
            static (run, arg) => run.Migrate(arg.target, arg.activityIdMap), null, cancellationToken).ConfigureAwait(false);
        return outcome.Result == Transition.Applied;
    }

    /// <summary>The instance's current state (a copy), or null.</summary>
    public async Task<WorkflowInstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await store.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);

    /// <summary>The current states (copies) of the instances that exist among <paramref name="instanceIds"/>, by id, in one read of the store.</summary>
    public async Task<IReadOnlyDictionary<string, WorkflowInstanceState>> GetInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default) =>
        await store.GetInstancesAsync(instanceIds, cancellationToken).ConfigureAwait(false);

    /// <summary>Ids of up to <paramref name="maxCount"/> instances in <paramref name="status"/>, e.g. the faulted ones with open incidents.</summary>
    public async Task<IReadOnlyList<string>> FindInstancesAsync(WorkflowStatus status, int maxCount = 1000, CancellationToken cancellationToken = default) =>
        await store.FindInstancesByStatusAsync(status, maxCount, cancellationToken).ConfigureAwait(false);

    /// <summary>The instance's journal, oldest first.</summary>
    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await store.GetJournalAsync(instanceId, 0, cancellationToken).ConfigureAwait(false);

    /// <summary>When the next timer is due, so a host can sleep until then.</summary>
    public async Task<DateTimeOffset?> GetNextTimerDueAtAsync(CancellationToken cancellationToken = default) =>
        _options.Partitions is { } partitions
            ? await store.GetNextOwnedTimerDueAtAsync(partitions.Current, cancellationToken).ConfigureAwait(false)
            : await store.GetNextTimerDueAtAsync(cancellationToken).ConfigureAwait(false);

    private async Task<StartResult> ExistingAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await store.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return new StartResult(instanceId, false, state?.Status ?? WorkflowStatus.Running);
    }

    private async Task<int> DeliverAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var instances = await store.FindInstancesByBookmarkAsync(item.Signal.Key, cancellationToken).ConfigureAwait(false);
        if (instances.Count == 0)
        {
            return 0;
        }

        if (instances.Count == 1)
        {
            // The common case: the item is completed in the instance's own commit, one store call in all.
            var single = await TransitionAsync(instances[0], null, item,
                static (run, it) => run.DeliverSignal(it, completeItem: true) > 0, item.Id, cancellationToken).ConfigureAwait(false);
            return single.Result == Transition.Applied ? 1 : 0;
        }

        // Fan-out: each instance records its delivery atomically with its state, so a crash half-way
        // through re-delivers only to the instances that did not get it.
        var count = 0;
        foreach (var instanceId in instances)
        {
            var outcome = await TransitionAsync(instanceId, null, item,
                static (run, it) => run.DeliverSignal(it, completeItem: false) > 0, item.Id, cancellationToken).ConfigureAwait(false);
            if (outcome.Result == Transition.Applied)
            {
                count++;
            }
        }
        if (count > 0)
        {
            await store.CompleteInboxItemAsync(item.Id, cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private async Task<TransitionOutcome> TransitionAsync<TArg>(string instanceId, DateTimeOffset? logicalNow, TArg argument,
        Func<InstanceRun, TArg, bool> apply, string? primaryInboxItemId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _options.MaxCommitAttempts; attempt++)
        {
            var state = await store.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return new TransitionOutcome(Transition.NotFound);
            }

            var definition = definitions.Get(state.DefinitionId, state.DefinitionVersion);
            var run = new InstanceRun(definition, state, logicalNow ?? clock.GetUtcNow(), _options.MaxStepsPerTransition);
            if (!apply(run, argument))
            {
                return new TransitionOutcome(Transition.NotApplicable);
            }

            run.RunUntilBlocked();
            await DeliverParkedSignalsAsync(run, cancellationToken).ConfigureAwait(false);

            var commit = run.BuildCommit();
            var result = await store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case CommitStatus.Committed:
                    DateTimeOffset? earliest = null;
                    foreach (var timer in commit.TimersScheduled)
                    {
                        if (earliest is null || timer.DueAt < earliest)
                        {
                            earliest = timer.DueAt;
                        }
                    }
                    return new TransitionOutcome(Transition.Applied, earliest, run.State);
                case CommitStatus.AlreadyDelivered:
                    return new TransitionOutcome(Transition.Applied);
                case CommitStatus.InboxItemNotPending when result.InboxItemId == primaryInboxItemId:
                    return new TransitionOutcome(Transition.NotApplicable); // another runtime applied it first
                default:
                    await Task.Yield(); // let the competing transition finish before reloading
                    break;
            }
        }
        throw new WorkflowConcurrencyException(instanceId, _options.MaxCommitAttempts);
    }

    /// <summary>
    /// What <see cref="DeliverParkedSignalsAsync(InstanceRun, CancellationToken)"/> does for each of
    /// <paramref name="runs"/>, with the store asked once for all their new bookmarks; only a run that some parked
    /// signal matches goes on to further rounds alone.
    /// </summary>
    private async Task DeliverParkedSignalsAsync(IReadOnlyList<InstanceRun> runs, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<BookmarkKey, List<InstanceRun>>();
        var earliest = DateTimeOffset.MaxValue;
        foreach (var run in runs)
        {
            foreach (var key in run.TakeNewBookmarkKeys())
            {
                (byKey.TryGetValue(key, out var list) ? list : byKey[key] = []).Add(run);
                earliest = run.Now < earliest ? run.Now : earliest;
            }
        }

        if (byKey.Count == 0)
        {
            return;
        }

        // Asked at the earliest run's time, so every run's own expiry check (below) sees what it would have alone.
        var pending = await store.FindPendingSignalsAsync(byKey.Keys, earliest, cancellationToken).ConfigureAwait(false);
        var matched = new List<InstanceRun>();
        foreach (var item in pending)
        {
            foreach (var run in byKey[item.Signal.Key])
            {
                if (item.ExpiresAt > run.Now && !run.Delivered.Contains(item.Id) && run.DeliverSignal(item, completeItem: true) > 0 && !matched.Contains(run))
                {
                    matched.Add(run);
                }
            }
        }

        foreach (var run in matched)
        {
            run.RunUntilBlocked();
            await DeliverParkedSignalsAsync(run, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverParkedSignalsAsync(InstanceRun run, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxParkedRounds; round++)
        {
            var keys = run.TakeNewBookmarkKeys();
            if (keys.Count == 0)
            {
                return;
            }

            var pending = await store.FindPendingSignalsAsync(keys, run.Now, cancellationToken).ConfigureAwait(false);
            var any = false;
            foreach (var item in pending)
            {
                if (!run.Delivered.Contains(item.Id) && run.DeliverSignal(item, completeItem: true) > 0)
                {
                    any = true;
                }
            }
            if (!any)
            {
                return;
            }

            run.RunUntilBlocked();
        }
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");

    // A signal as the inbox keeps it; without an idempotency key of its own, its id is the key.
    private InboxItem NewInboxItem(Signal signal, DateTimeOffset now)
    {
        var id = NewId();
        return new InboxItem
        {
            Id = id,
            IdempotencyKey = signal.IdempotencyKey ?? id,
            Signal = signal,
            ReceivedAt = now,
            ExpiresAt = now + _options.InboxRetention,
            Status = InboxItemStatus.Pending,
        };
    }
}
