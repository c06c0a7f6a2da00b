namespace CampaignFlow.Campaigns.Storage;

/// <summary>The unit locks <see cref="IUnitLocks.TryLockManyAsync"/> took; disposing releases them all.</summary>
/// <param name="units">The units whose locks were taken.</param>
/// <param name="release">Releases them.</param>
public sealed class HeldUnitLocks(IReadOnlyCollection<string> units, Func<ValueTask> release) : IAsyncDisposable
{
    private int _released;

    /// <summary>The units whose locks are held.</summary>
    public IReadOnlyCollection<string> Units { get; } = units;

    /// <summary>Releases every lock held (once).</summary>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? release() : ValueTask.CompletedTask;
}
