namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>What a step of a plan version's history did.</summary>
public enum PlanDraftAction
{
    /// <summary>The author wrote the draft.</summary>
    Created,

    /// <summary>The author wrote it again (a draft not yet submitted, or one returned).</summary>
    Revised,

    /// <summary>The author submitted it to the body above.</summary>
    Submitted,

    /// <summary>The body above returned it with comments.</summary>
    Returned,

    /// <summary>The author submitted it again after it was returned.</summary>
    Resubmitted,

    /// <summary>The body above approved it.</summary>
    Approved,

    /// <summary>It was published: units that start from now on run it.</summary>
    Published,
}
