namespace CampaignFlow.Campaigns.Service;

/// <summary>Where a unit's campaign stands now.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Now">The service's clock.</param>
/// <param name="WorkflowStatus">The workflow instance's status (<c>Running</c>, <c>Completed</c>, <c>Faulted</c>…), or <c>NotStarted</c>.</param>
/// <param name="Phases">Every phase and link, in plan order.</param>
/// <param name="CurrentPhases">The ids of the phases open now.</param>
/// <param name="OpenActions">The actions still to do in the open phases.</param>
/// <param name="WaitingGates">The approval gates waiting for a role.</param>
/// <param name="NextDeadlines">The next periods and deadlines to close, earliest first (at most 20).</param>
/// <param name="OpenViolations">How many of the unit's violations are open.</param>
public sealed record UnitCampaignState(
    CampaignUnit Unit,
    DateTimeOffset Now,
    string WorkflowStatus,
    IReadOnlyList<PhaseState> Phases,
    IReadOnlyList<string> CurrentPhases,
    IReadOnlyList<ActionState> OpenActions,
    IReadOnlyList<GateState> WaitingGates,
    IReadOnlyList<DeadlineState> NextDeadlines,
    int OpenViolations);
