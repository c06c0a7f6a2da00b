using System.Collections.Concurrent;

namespace CampaignFlow.Campaigns.Storage.InMemory;

/// <summary>
/// Unit locks in this process: for in-memory stores (several services sharing one <see cref="CampaignStores"/> share
/// its locks) and for SQLite, whose file has one host.
/// </summary>
/// <threadsafety>Safe for concurrent use.</threadsafety>
public sealed class InMemoryUnitLocks : IUnitLocks
{
    // One semaphore per unit ever locked: a few bytes per unit, as the units' other in-memory state.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> LockAsync(string unit, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(unit, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(gate);
    }

    /// <inheritdoc />
    public ValueTask<IAsyncDisposable?> TryLockAsync(string unit, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(unit, _ => new SemaphoreSlim(1, 1));
        return ValueTask.FromResult<IAsyncDisposable?>(gate.Wait(0, cancellationToken) ? new Held(gate) : null);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
