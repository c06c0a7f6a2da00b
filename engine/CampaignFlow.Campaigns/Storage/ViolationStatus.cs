namespace CampaignFlow.Campaigns.Storage;

/// <summary>Where a stored violation is in its life.</summary>
public enum ViolationStatus
{
    /// <summary>The requirement is not met.</summary>
    Open,

    /// <summary>A later record (or an exception) met it; the row keeps when it opened and resolved.</summary>
    Resolved,
}
