using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Records;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>
/// Which of a unit's waiting approval gates wait for its supervision group: those whose next approval is the role
/// <c>supervisor</c>. <c>GET /groups/{id}</c> and the console's review page both ask here.
/// </summary>
public static class SupervisorGates
{
    /// <summary>The gates of <paramref name="state"/> waiting for the supervision group.</summary>
    /// <param name="state">A unit's campaign state.</param>
    public static IReadOnlyList<GateState> WaitingIn(UnitCampaignState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WaitingGates.Where(g => g.RolesToApprove.FirstOrDefault() == RecordRights.SupervisorRole).ToArray();
    }
}
