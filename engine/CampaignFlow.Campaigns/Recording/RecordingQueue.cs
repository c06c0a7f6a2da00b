using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>
/// Group commit for recordings: concurrent callers' recordings wait here and run in groups, one group at a time, so
/// that many single-record posts share one round of locks, one append transaction, one catch-up read, one signal batch
/// and one watermark transaction, where each paid its own (issue 13). A group holds at most one recording of a unit: a
/// unit's next recording waits for the next group, as it would have waited for the unit's lock, so it sees what the
/// one before stored (a review of the document just recorded). A recording alone in the queue runs alone, at once.
/// </summary>
/// <param name="maxGroup">The most recordings in one group.</param>
/// <threadsafety>Safe for concurrent callers.</threadsafety>
internal sealed class RecordingQueue(int maxGroup)
{
    private readonly Lock _gate = new();
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
            if (!_running)
            {
                // Started under the gate, so IdleAsync never misses a drain that has begun.
                _running = true;
                _drain = Task.Run(() => DrainAsync(runGroup));
            }
        }

        return recording.Answer.WaitAsync(recording.Cancellation);
    }

    /// <summary>
    /// Refuses recordings from now on and completes once the groups already queued have run: a caller that stopped
    /// waiting (cancelled at shutdown) does not stop its group, so whoever closes the stores waits for this first.
    /// </summary>
    public Task CloseAsync()
    {
        lock (_gate)
        {
            _closed = true;
            return _drain;
        }
    }

    private async Task DrainAsync(Func<IReadOnlyList<QueuedRecording>, Task> runGroup)
    {
        while (Take() is { Count: > 0 } group)
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
    }

    /// <summary>The next group, in the order they came, a unit's first recording only; empty (and no longer running) when none waits.</summary>
    private List<QueuedRecording> Take()
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
                else if (group.Count < maxGroup && units.Add(recording.Unit.Unit.Id))
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
}
