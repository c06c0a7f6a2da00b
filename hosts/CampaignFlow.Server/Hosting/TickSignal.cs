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
