namespace CampaignFlow.Compliance.Sessions;

/// <summary>What happened to a violation.</summary>
public enum ViolationChangeKind
{
    /// <summary>It opened: a period closed and the requirement was not met.</summary>
    Opened,

    /// <summary>It changed: a record changed its evidence, and it is still not met.</summary>
    Changed,

    /// <summary>It resolved: a late record met the requirement (or a justified exception closed it).</summary>
    Resolved,
}
