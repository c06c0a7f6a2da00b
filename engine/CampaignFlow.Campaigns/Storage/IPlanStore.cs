namespace CampaignFlow.Campaigns.Storage;

/// <summary>Published plan versions, immutable once stored: what every unit's campaign instance is pinned to.</summary>
/// <threadsafety>Implementations must be safe for concurrent use by many hosts; two hosts publishing one version at once store it once.</threadsafety>
public interface IPlanStore
{
    /// <summary>Stores a version unless (plan, version) is already stored; see <see cref="PublishOutcome"/>.</summary>
    ValueTask<PublishResult> PublishAsync(PlanVersion version, CancellationToken cancellationToken = default);

    /// <summary>One version of a plan.</summary>
    ValueTask<PlanVersion?> GetAsync(string planId, int version, CancellationToken cancellationToken = default);

    /// <summary>Every stored version, by plan id and then version.</summary>
    ValueTask<IReadOnlyList<PlanVersion>> ListAsync(CancellationToken cancellationToken = default);
}
