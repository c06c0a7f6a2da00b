namespace CampaignFlow.Campaigns.Lifecycle;

/// <summary>The kinds of refusal of a step of a plan version's life.</summary>
public enum PlanRefusalKind
{
    /// <summary>There is no such draft.</summary>
    Unknown,

    /// <summary>The step does not follow from where the version stands (or another caller moved it first).</summary>
    WrongState,

    /// <summary>What was sent is incomplete (a return without comments) or the plan has errors.</summary>
    Invalid,
}
