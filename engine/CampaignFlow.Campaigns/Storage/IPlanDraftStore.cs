using CampaignFlow.Campaigns.Lifecycle;

namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// Plan versions on their way to publication (draft, submitted, returned, approved) and the steps each took. A
/// version's steps are only ever appended; publishing one stores it in the <see cref="IPlanStore"/> as well.
/// </summary>
/// <threadsafety>Implementations must be safe for concurrent use by many hosts: of two saves expecting the same steps, one wins.</threadsafety>
public interface IPlanDraftStore
{
    /// <summary>The draft of (plan, version), or null.</summary>
    ValueTask<PlanDraft?> GetAsync(string planId, int version, CancellationToken cancellationToken = default);

    /// <summary>Every draft of a plan, by version.</summary>
    ValueTask<IReadOnlyList<PlanDraft>> ListAsync(string planId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="draft"/> (its unit, hash and files replace the stored ones) and appends its steps after the
    /// first <paramref name="expectedSteps"/>, if the store holds exactly that many steps of it (0: none, a new draft).
    /// </summary>
    /// <returns>False, and nothing stored, when another caller changed the draft first.</returns>
    ValueTask<bool> SaveAsync(PlanDraft draft, int expectedSteps, CancellationToken cancellationToken = default);
}
