using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>One unit on a supervision group's page of work.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="WaitingForReview">Its approval gates whose next approval is the group's (role <c>supervisor</c>).</param>
/// <param name="OpenViolations">How many of its violations are open.</param>
public sealed record GroupUnitWork(CampaignUnit Unit, IReadOnlyList<GateState> WaitingForReview, int OpenViolations);
