namespace CampaignFlow.Campaigns.Storage;

/// <summary>A step in a stored violation's life.</summary>
public enum ViolationEventKind
{
    /// <summary>First opened.</summary>
    Opened,

    /// <summary>Still open, with other evidence or message arguments.</summary>
    Changed,

    /// <summary>Met at last.</summary>
    Resolved,

    /// <summary>Open again after it had resolved (a record withdrawn, a period re-judged).</summary>
    Reopened,
}
