namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>Where a plan version stands in its life; only <see cref="Published"/> versions run.</summary>
public enum PlanDraftState
{
    /// <summary>Written, not submitted.</summary>
    Draft,

    /// <summary>Waiting for the body above.</summary>
    Submitted,

    /// <summary>Returned with comments, to be revised and submitted again.</summary>
    Returned,

    /// <summary>Approved by the body above, not yet published.</summary>
    Approved,

    /// <summary>Published.</summary>
    Published,
}
