namespace CampaignFlow.Campaigns.Storage.InMemory;

/// <summary>An <see cref="IPlanStore"/> in memory, for tests and simulations.</summary>
public sealed class InMemoryPlanStore : IPlanStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<(string PlanId, int Version), PlanVersion> _versions = new(Comparer<(string PlanId, int Version)>.Create(
        (a, b) => string.CompareOrdinal(a.PlanId, b.PlanId) is var byId and not 0 ? byId : a.Version.CompareTo(b.Version)));

    /// <inheritdoc />
    public ValueTask<PublishResult> PublishAsync(PlanVersion version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_versions.TryGetValue((version.PlanId, version.Version), out var stored))
            {
                return ValueTask.FromResult(new PublishResult(stored.Hash == version.Hash ? PublishOutcome.Unchanged : PublishOutcome.Conflict, stored));
            }

            _versions[(version.PlanId, version.Version)] = version;
            return ValueTask.FromResult(new PublishResult(PublishOutcome.Created, version));
        }
    }

    /// <inheritdoc />
    public ValueTask<PlanVersion?> GetAsync(string planId, int version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_versions.GetValueOrDefault((planId, version)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PlanVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<PlanVersion>>(_versions.Values.ToArray());
        }
    }
}
