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

    /// <summary>Every stored version of one plan, oldest first (none for a plan never published).</summary>
    /// <remarks>By default the whole list filtered; a database store reads the plan's rows alone.</remarks>
    async ValueTask<IReadOnlyList<PlanVersion>> ListAsync(string planId, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(v => v.PlanId == planId).OrderBy(v => v.Version)];

    /// <summary>The highest stored version of every plan, by plan id (none for an empty store); no texts are read.</summary>
    /// <remarks>
    /// By default from the whole list; a database store asks for each plan's maximum in one query, so a list of plans can
    /// be brought up to the store on every request without reading the texts of thousands of versions.
    /// </remarks>
    async ValueTask<IReadOnlyDictionary<string, int>> HighestVersionsAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(v => v.PlanId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(v => v.Version), StringComparer.Ordinal);
}
