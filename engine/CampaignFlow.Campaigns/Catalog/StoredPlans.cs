using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Catalog;

/// <summary>Published plan versions read back from a store, for tools that compare or show them outside a running service.</summary>
public static class StoredPlans
{
    /// <summary>Resolves a stored version from the texts it was published with, as the service does at start.</summary>
    /// <param name="stored">The stored version.</param>
    /// <param name="why">Why it could not be resolved (the first error), when null is returned.</param>
    /// <returns>The plan as it was published, or null.</returns>
    public static ResolvedPlan? Resolve(PlanVersion stored, out string why) => PlanLibrary.Resolve(stored, out why);
}
