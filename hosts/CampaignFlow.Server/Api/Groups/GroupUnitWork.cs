using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>One unit on a supervision group's page of work.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="WaitingForReview">Its approval gates whose next approval is the group's (role <c>supervisor</c>).</param>
/// <param name="OpenViolations">How many of its violations are open.</param>
/// <param name="MustHoldAgain">
/// Its actions found failed and to be held again (status <c>rework</c>), each with its last day (<c>due</c>): a
/// violation only once that day has passed, but the group's to follow from the verdict on.
/// </param>
public sealed record GroupUnitWork(CampaignUnit Unit, IReadOnlyList<GateState> WaitingForReview, int OpenViolations, IReadOnlyList<ActionState> MustHoldAgain);
