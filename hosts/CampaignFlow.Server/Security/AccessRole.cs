namespace CampaignFlow.Server.Security;

/// <summary>What a token lets its holder do.</summary>
public enum AccessRole
{
    /// <summary>Reads units' state and violations: all units, or all units under one body.</summary>
    Auditor,

    /// <summary>Records what one unit did; reads that unit.</summary>
    Recorder,

    /// <summary>A supervision group (督导组): submits reviews for the units it supervises and reads them.</summary>
    Reviewer,

    /// <summary>Everything.</summary>
    Admin,
}
