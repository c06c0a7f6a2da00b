using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>
/// Group commit for recordings: concurrent callers' recordings wait here and run in groups, one group at a time, so
/// that many single-record posts share one round of locks, one append transaction, one catch-up read, one signal batch
/// and one watermark transaction, where each paid its own (issue 13). A group holds at most one recording of a unit: a
/// unit's next recording waits for the next group, as it would have waited for the unit's lock, so it sees what the
/// one before stored (a review of the document just recorded). A recording alone in the queue runs alone, at once.
/// </summary>
/// <remarks>
/// A recording whose unit's lock another holds (a tick moving the unit, the reconciler, a bulk import) joins no group:
/// a group takes all its units' locks before it runs, so that one unit would hold up every post queued behind it. It
/// runs alone beside the groups instead and waits there for its unit's lock, as every recording did before groups.
/// The unit's later recordings stay queued until that one is done, so they still come after it.
/// </remarks>
/// <param name="maxGroup">The most recordings in one group.</param>
/// <threadsafety>Safe for concurrent callers.</threadsafety>
internal sealed class RecordingQueue(int maxGroup)
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _aside = [];

    // The units of the recordings running aside: their later recordings stay queued until those are done, or a later
    // Take, still finding the lock held, would run them aside too, racing the first for the lock.
    private readonly HashSet<string> _unitsAside = new(StringComparer.Ordinal);
    private List<QueuedRecording> _waiting = [];
    private bool _running;
    private Task _drain = Task.CompletedTask;
    private bool _closed;

    /// <summary>Queues the recording and waits for its own answer (or for the caller's cancellation).</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="runGroup">Runs a group and answers each of its recordings (the same for every caller of a queue).</param>
    public Task<RecordingResult> RecordAsync(QueuedRecording recording, Func<IReadOnlyList<QueuedRecording>, Task> runGroup)
    {
        ArgumentNullException.ThrowIfNull(recording);
        lock (_gate)
        {
            if (_closed)
            {
                return Task.FromException<RecordingResult>(new ObjectDisposedException(nameof(RecordingQueue), "The campaigns are stopping; nothing more is recorded."));
            }

            _waiting.Add(recording);
            StartDrain(runGroup); // under the gate, so CloseAsync never misses a drain that has begun
        }

        return recording.Answer.WaitAsync(recording.Cancellation);
    }

    /// <summary>
    /// Refuses recordings from now on and completes once the groups already queued, and the recordings running beside
    /// them, have run: a caller that stopped waiting (cancelled at shutdown) does not stop its group, so whoever closes
    /// the stores waits for this first.
    /// </summary>
    public async Task CloseAsync()
    {
        while (true)
        {
            Task running;
            lock (_gate)
            {
                _closed = true;
                if (!_running && _aside.Count == 0)
                {
                    return;
                }

                running = Task.WhenAll([_drain, .. _aside]);
            }

            // A recording that ran beside the groups may have left its unit's later ones queued: a drain runs them.
            await running.ConfigureAwait(false);
        }
    }

    // Under the gate.
    private void StartDrain(Func<IReadOnlyList<QueuedRecording>, Task> runGroup)
    {
        if (!_running && _waiting.Count > 0)
        {
            _running = true;
            _drain = Task.Run(() => DrainAsync(runGroup));
        }
    }

    private async Task DrainAsync(Func<IReadOnlyList<QueuedRecording>, Task> runGroup)
    {
        while (Take(runGroup) is { Count: > 0 } group)
        {
            await RunAsync(group, runGroup).ConfigureAwait(false);
        }
    }

    private static async Task RunAsync(IReadOnlyList<QueuedRecording> group, Func<IReadOnlyList<QueuedRecording>, Task> runGroup)
    {
        try
        {
            await runGroup(group).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The group answers its recordings itself; this only makes sure no caller waits for ever.
            foreach (var recording in group)
            {
                recording.Fail(e);
            }
        }

        foreach (var recording in group.Where(r => !r.IsAnswered))
        {
            recording.Fail(new InvalidOperationException("A recording's group ended without answering it."));
        }
    }

    /// <summary>
    /// The next group, in the order they came, a unit's first recording only; empty (and no longer running) when none
    /// waits. Those whose unit's lock is held elsewhere are started alone, beside the group.
    /// </summary>
    private List<QueuedRecording> Take(Func<IReadOnlyList<QueuedRecording>, Task> runGroup)
    {
        lock (_gate)
        {
            var group = new List<QueuedRecording>();
            var units = new HashSet<string>(StringComparer.Ordinal);
            var left = new List<QueuedRecording>();
            foreach (var recording in _waiting)
            {
                if (recording.Cancellation.IsCancellationRequested)
                {
                    recording.Cancel();
                }
                else if (_unitsAside.Contains(recording.Unit.Unit.Id) || !units.Add(recording.Unit.Unit.Id))
                {
                    left.Add(recording);
                }
                else if (recording.Unit.Lock.CurrentCount == 0)
                {
                    // Only a look: the lock may be taken after it, which costs the group a wait, as before.
                    RunAside(recording, runGroup);
                }
                else if (group.Count < maxGroup)
                {
                    group.Add(recording);
                }
                else
                {
                    left.Add(recording);
                }
            }

            _waiting = left;
            _running = group.Count > 0;
            return group;
        }
    }

    // Under the gate, so CloseAsync sees every recording that has begun.
    private void RunAside(QueuedRecording recording, Func<IReadOnlyList<QueuedRecording>, Task> runGroup)
    {
        var running = Task.Run(() => RunAsync([recording], runGroup));
        _aside.Add(running);
        _unitsAside.Add(recording.Unit.Unit.Id);
        running.ContinueWith(
            done =>
            {
                lock (_gate)
                {
                    _aside.Remove(done);
                    _unitsAside.Remove(recording.Unit.Unit.Id);

                    // The unit's later recordings may be all that waits, with no drain left to take them.
                    StartDrain(runGroup);
                }
            },
            // Never inline: a recording done before this line would run the continuation here, under the gate and
            // inside Take, where no drain can start, and its unit's later recordings would wait for the next post.
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
