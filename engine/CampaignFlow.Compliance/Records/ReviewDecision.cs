namespace CampaignFlow.Compliance.Records;

/// <summary>What a reviewer decided.</summary>
public enum ReviewDecision
{
    /// <summary>Approved: the next reviewer of the chain may review.</summary>
    Approved,

    /// <summary>Returned: the document (or the work behind it) must be done again.</summary>
    Returned,
}
