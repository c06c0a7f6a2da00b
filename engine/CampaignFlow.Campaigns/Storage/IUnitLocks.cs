namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// One lock per unit shared by every host of a store: whoever judges a unit (records it, moves it to now on a timer,
/// reconciles it) holds it from reading the unit's records to moving its watermark, so two hosts never write verdicts
/// of different views of one unit in the wrong order (docs/adr/0007).
/// </summary>
/// <remarks>
/// A host takes its own in-process lock of the unit first, then this one. It waits for one lock only while it holds no
/// other; it waits for many (a file of many units' records) only in one call (<see cref="LockManyAsync"/>), which takes
/// them in one order every such call uses; and a tick's batch takes many only without waiting
/// (<see cref="TryLockManyAsync"/>). So there is no order to get wrong. A host that dies holding a lock loses it with
/// its connection (PostgreSQL).
/// </remarks>
/// <threadsafety>Implementations are safe for concurrent use.</threadsafety>
public interface IUnitLocks
{
    /// <summary>Waits until the unit's lock is free and takes it; disposing the result releases it.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    ValueTask<IAsyncDisposable> LockAsync(string unit, CancellationToken cancellationToken = default);

    /// <summary>Takes the unit's lock if it is free, without waiting; null when another holder has it.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IAsyncDisposable?> TryLockAsync(string unit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the locks of all of <paramref name="units"/> are free and takes them, in an order every caller of
    /// this method uses, so two callers waiting for overlapping units cannot deadlock. Stores take them in one call (on
    /// PostgreSQL, one connection for all: a connection each would empty the pool for a file of many units); this default
    /// takes each in turn in the order of the units' ids.
    /// </summary>
    /// <param name="units">The units, each at most once.</param>
    /// <param name="cancellationToken">Stops waiting; what was taken is released.</param>
    /// <returns>The locks, all of them; disposing it releases them.</returns>
    async ValueTask<HeldUnitLocks> LockManyAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ordered = units.Order(StringComparer.Ordinal).ToArray();
        var held = new List<IAsyncDisposable>(ordered.Length);
        try
        {
            foreach (var unit in ordered)
            {
                held.Add(await LockAsync(unit, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            for (var i = held.Count - 1; i >= 0; i--)
            {
                await held[i].DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new HeldUnitLocks(ordered, async () =>
        {
            for (var i = held.Count - 1; i >= 0; i--)
            {
                await held[i].DisposeAsync().ConfigureAwait(false);
            }
        });
    }

    /// <summary>
    /// Takes the locks of those of <paramref name="units"/> that are free, without waiting for the others (so holding
    /// many at once cannot deadlock): a tick judges the units of a period boundary together. Stores take them in one
    /// call; this default tries each in turn.
    /// </summary>
    /// <param name="units">The units, each at most once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The locks taken; disposing it releases them.</returns>
    async ValueTask<HeldUnitLocks> TryLockManyAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var taken = new List<string>();
        var held = new List<IAsyncDisposable>();
        try
        {
            foreach (var unit in units)
            {
                if (await TryLockAsync(unit, cancellationToken).ConfigureAwait(false) is { } one)
                {
                    taken.Add(unit);
                    held.Add(one);
                }
            }
        }
        catch
        {
            foreach (var one in held)
            {
                await one.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new HeldUnitLocks(taken, async () =>
        {
            foreach (var one in held)
            {
                await one.DisposeAsync().ConfigureAwait(false);
            }
        });
    }
}
