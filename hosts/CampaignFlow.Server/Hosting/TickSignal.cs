using System.Diagnostics;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// Wakes the host's loop before its sleep ends — a record was stored, the clock was moved — and lets a caller wait
/// for the next complete tick (tests and the demo, which must see a tick's violations before going on).
/// </summary>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public sealed class TickSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _gate = new();
    private List<TaskCompletionSource> _waiting = [];
    private long _lastRecordsWake = long.MinValue;
    private int _recordsWakeComing;

    /// <summary>
    /// The shortest time between two ticks that recordings ask for: at a thousand posts a second each would otherwise
    /// start a pass of its own (timers, inbox, the bodies' hand-on, the tallies) back to back with the last, costing
    /// the posts about as much as their own work (issue 13). The bodies above a unit take its records at the next tick
    /// either way; this bounds how late that is.
    /// </summary>
    public static readonly TimeSpan RecordsWakeInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Asks for a tick soon.</summary>
    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up is all the loop needs.
        }
    }

    /// <summary>
    /// Asks for a tick because records were stored: at once when no recording asked for one in the last
    /// <see cref="RecordsWakeInterval"/>, else once that interval has passed, one tick for all the recordings in it.
    /// </summary>
    public void WakeForRecords()
    {
        if (Volatile.Read(ref _recordsWakeComing) == 1)
        {
            return;
        }

        var last = Interlocked.Read(ref _lastRecordsWake);
        var since = last == long.MinValue ? RecordsWakeInterval : Stopwatch.GetElapsedTime(last);
        if (since >= RecordsWakeInterval)
        {
            Interlocked.Exchange(ref _lastRecordsWake, Stopwatch.GetTimestamp());
            Wake();
        }
        else if (Interlocked.CompareExchange(ref _recordsWakeComing, 1, 0) == 0)
        {
            _ = WakeLaterAsync(RecordsWakeInterval - since);
        }
    }

    /// <summary>Asks for a tick and completes once a tick that started after this call has finished.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task TickAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add(done);
        }

        Wake();
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task WakeLaterAsync(TimeSpan delay)
    {
        await Task.Delay(delay).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastRecordsWake, Stopwatch.GetTimestamp());
        Volatile.Write(ref _recordsWakeComing, 0);
        Wake();
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes.</summary>
    /// <param name="timeout">The longest sleep, in real time.</param>
    /// <param name="cancellationToken">Stops waiting (host shutdown).</param>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _wake.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);

    /// <summary>Called by the loop when a tick starts: the waiters registered so far are answered by this tick.</summary>
    internal IReadOnlyList<TaskCompletionSource> TakeWaiters()
    {
        lock (_gate)
        {
            var taken = _waiting;
            _waiting = [];
            return taken;
        }
    }
}
