namespace CampaignFlow.Workflows.Runtime;

/// <summary>How an attempt to change one instance ended.</summary>
internal enum Transition
{
    Applied,
    NotApplicable,
    NotFound,
}
