namespace CampaignFlow.Plans.Requirements;

/// <summary>Whom a document must be published to (公示/公布).</summary>
public enum Audience
{
    /// <summary>Everyone in the unit (在本单位公示).</summary>
    Unit,

    /// <summary>The party members of the author's own branch (向支部的党员公布).</summary>
    Branch,

    /// <summary>The public (website, microblog).</summary>
    Public,

    /// <summary>The body above.</summary>
    Superior,
}
