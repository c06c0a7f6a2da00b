using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Shell;

namespace CampaignFlow.Server.WebConsole.Units;

/// <summary>
/// The unit a page about one unit shows, as <c>GET /units/{unit}/…</c> allows it: an unknown id is a 404 page, a unit
/// the signed-in caller may not read a 403 page, both saying so in the reader's language.
/// </summary>
public static class ReadableUnit
{
    /// <summary>The unit, or null with the refusal the page shows instead.</summary>
    /// <param name="units">The units the service runs.</param>
    /// <param name="unitId">The id in the page's address.</param>
    /// <param name="request">The signed-in caller and the reader's language.</param>
    /// <param name="refusal">When null is returned: the status and message of the refusal page.</param>
    public static CampaignUnit? Find(UnitDirectory units, string unitId, ConsoleRequest request, out (int Status, string Message)? refusal)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.Caller!;
        var culture = request.Culture;
        refusal = null;
        if (units.Find(unitId) is not { } unit)
        {
            refusal = (StatusCodes.Status404NotFound, ApiProblems.Text("unknown-unit", culture, unitId));
            return null;
        }

        if (!caller.CanRead(unit))
        {
            refusal = (StatusCodes.Status403Forbidden, ApiProblems.Text("forbidden-unit", culture, caller.Name, ApiProblems.Text("verb-read", culture), unit.Id));
            return null;
        }

        return unit;
    }
}
