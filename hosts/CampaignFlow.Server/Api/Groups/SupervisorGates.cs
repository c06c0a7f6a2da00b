using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Records;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>
/// Which of a unit's waiting approval gates wait for its supervision group: those whose next approval is the role
/// <c>supervisor</c>. <c>GET /groups/{id}</c> and the console's review page both ask here.
/// </summary>
public static class SupervisorGates
{
    /// <summary>
    /// False when the plan <paramref name="unit"/> runs has no gate the supervision group approves, so none of its gates
    /// can ever be <see cref="WaitingIn"/>: its state need not be read.
    /// </summary>
    /// <param name="service">The running campaigns.</param>
    /// <param name="unit">A unit.</param>
    public static bool MayWaitIn(CampaignService service, CampaignUnit unit)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(unit);
        return service.HasApprover(unit.Id, RecordRights.SupervisorRole);
    }

    /// <summary>The gates of <paramref name="state"/> waiting for the supervision group.</summary>
    /// <param name="state">A unit's campaign state.</param>
    public static IReadOnlyList<GateState> WaitingIn(UnitCampaignState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WaitingGates.Where(g => g.RolesToApprove.FirstOrDefault() == RecordRights.SupervisorRole).ToArray();
    }
}
