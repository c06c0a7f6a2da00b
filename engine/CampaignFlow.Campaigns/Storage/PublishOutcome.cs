namespace CampaignFlow.Campaigns.Storage;

/// <summary>What publishing a plan version did.</summary>
public enum PublishOutcome
{
    /// <summary>The version was new: it is stored.</summary>
    Created,

    /// <summary>The same version with the same hash was stored before: nothing changed.</summary>
    Unchanged,

    /// <summary>The same version was stored before with other content: nothing changed; the plan needs a new version number.</summary>
    Conflict,
}
