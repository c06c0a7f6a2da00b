using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>
/// Which of a unit's actions must be held again (评议“不满意”达三分之一以上的要重开): <c>GET /groups/{id}</c>, the
/// console's group page and its review page all ask here, before the re-work's deadline opens a violation.
/// </summary>
public static class HeldAgain
{
    /// <summary>The actions of <paramref name="state"/> to be held again, each with its last day.</summary>
    /// <param name="state">A unit's campaign state.</param>
    public static IReadOnlyList<ActionState> In(UnitCampaignState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.OpenActions.Where(a => a.Status == "rework").ToArray();
    }
}
