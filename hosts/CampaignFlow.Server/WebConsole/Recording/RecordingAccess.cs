using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Shell;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// Who may open a unit's recording pages: those the API lets record for it (<see cref="Caller.CanRecord"/>: the unit's
/// recorder, an administrator). Anyone else gets the page the API's 403 would say, a unit with no campaign a 404.
/// </summary>
/// <param name="request">The request.</param>
/// <param name="units">The running units.</param>
/// <param name="running">The campaign service, for the unit's plan.</param>
public sealed class RecordingAccess(ConsoleRequest request, UnitDirectory units, RunningCampaigns running)
{
    /// <summary>The unit and its plan, or the refusal to show.</summary>
    /// <param name="unitId">The unit in the route.</param>
    public (CampaignUnit? Unit, ResolvedPlan? Plan, (int Status, string Message)? Problem) Find(string unitId)
    {
        var culture = request.Culture;
        var caller = request.Caller!;
        if (units.Find(unitId) is not { } unit || running.Service.FindPlan(unit.PlanId) is not { } plan)
        {
            return (null, null, (StatusCodes.Status404NotFound, ApiProblems.Text("unknown-unit", culture, unitId)));
        }

        return caller.CanRecord(unit)
            ? (unit, plan, null)
            : (null, null, (StatusCodes.Status403Forbidden, ApiProblems.Text("forbidden-unit", culture, caller.Name, ApiProblems.Text("verb-record", culture), unit.Id)));
    }

    /// <summary>True when the signed-in reader may record for <paramref name="unit"/>: the unit page shows its forms.</summary>
    /// <param name="unit">The unit.</param>
    public bool MayRecord(CampaignUnit unit) => request.Caller?.CanRecord(unit) == true;
}
