namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// One lock per unit shared by every host of a store: whoever judges a unit (records it, moves it to now on a timer,
/// reconciles it) holds it from reading the unit's records to moving its watermark, so two hosts never write verdicts
/// of different views of one unit in the wrong order (docs/adr/0007).
/// </summary>
/// <remarks>
/// A host takes its own in-process lock of the unit first, then this one, and holds one unit's lock at a time, so
/// there is no order to get wrong. A host that dies holding a lock loses it with its connection (PostgreSQL).
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
}
