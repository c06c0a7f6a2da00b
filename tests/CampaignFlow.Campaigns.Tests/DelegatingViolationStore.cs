using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A violation store that hands every call to another; a test double overrides the writes it stands in for.</summary>
internal abstract class DelegatingViolationStore(IViolationStore inner) : IViolationStore
{
    public virtual ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default) =>
        inner.ApplyAsync(updates, cancellationToken);

    public ValueTask<StoredViolation?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public ValueTask<IReadOnlyList<ViolationEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<string>> OpenIdsAsync(string unit, string planId, int planVersion, CancellationToken cancellationToken = default) =>
        inner.OpenIdsAsync(unit, planId, planVersion, cancellationToken);

    public ValueTask<IReadOnlyList<OpenViolationTally>> TallyOpenAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default) =>
        inner.TallyOpenAsync(units, cancellationToken);

    public ValueTask<IReadOnlyList<OpenViolationChange>> OpenChangesByDayAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default) =>
        inner.OpenChangesByDayAsync(units, cancellationToken);
}
