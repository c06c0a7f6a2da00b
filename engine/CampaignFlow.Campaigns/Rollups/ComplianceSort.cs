namespace CampaignFlow.Campaigns.Rollups;

/// <summary>The order of a roll-up's units.</summary>
public enum ComplianceSort
{
    /// <summary>As the organisation tree lists them.</summary>
    Tree,

    /// <summary>Most behind first: most open violations, then most days overdue, then as the tree lists them.</summary>
    Behind,
}
