using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Units;

/// <summary>
/// Finds the unit a route names and checks the caller may do what the endpoint does with it: 404 for a unit
/// with no campaign, 403 for a unit that is not the caller's.
/// </summary>
/// <param name="units">The running units.</param>
/// <param name="problems">The error answers.</param>
public sealed class UnitLookup(UnitDirectory units, ApiProblems problems)
{
    /// <summary>The unit, or the problem to answer with.</summary>
    /// <param name="context">The request.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="unitId">The unit named in the route.</param>
    /// <param name="access">What the endpoint does with it.</param>
    public (CampaignUnit? Unit, IResult? Problem) Find(HttpContext context, Caller caller, string unitId, UnitAccess access)
    {
        if (units.Find(unitId) is not { } unit)
        {
            return (null, problems.Write(context, StatusCodes.Status404NotFound, "unknown-unit", unitId));
        }

        var allowed = access switch
        {
            UnitAccess.Read => caller.CanRead(unit),
            UnitAccess.Record => caller.CanRecord(unit),
            UnitAccess.Review => caller.CanRecord(unit) || caller.CanSupervise(unit),
            _ => caller.CanRecord(unit) || caller.CanSupervise(unit),
        };
        return allowed ? (unit, null) : (null, Forbidden(context, caller, unit.Id, access));
    }

    /// <summary>The 403 answer for a unit that is not the caller's.</summary>
    /// <param name="context">The request.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="unitId">The unit.</param>
    /// <param name="access">What was asked.</param>
    public IResult Forbidden(HttpContext context, Caller caller, string unitId, UnitAccess access)
    {
        var verb = access switch
        {
            UnitAccess.Read => "verb-read",
            UnitAccess.Review => "verb-review",
            _ => "verb-record",
        };
        // The verb is rendered in each message's own language.
        return problems.Write(context, StatusCodes.Status403Forbidden, "forbidden-unit", c => [caller.Name, ApiProblems.Text(verb, c), unitId], null);
    }
}
