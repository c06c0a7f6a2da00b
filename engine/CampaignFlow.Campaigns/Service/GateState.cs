namespace CampaignFlow.Campaigns.Service;

/// <summary>An approval gate the campaign waits at.</summary>
/// <param name="ActionId">The gate's action.</param>
/// <param name="DocumentKind">The document to be approved.</param>
/// <param name="Chain">The roles that approve, in order.</param>
/// <param name="RolesToApprove">The roles that have not approved yet, in chain order.</param>
/// <param name="Gates">The actions that wait for the approval.</param>
public sealed record GateState(string ActionId, string DocumentKind, IReadOnlyList<string> Chain, IReadOnlyList<string> RolesToApprove, IReadOnlyList<string> Gates);
