using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Units;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Compliance;

/// <summary>
/// Finds the body a request names and checks the caller may read every unit under it, as <c>GET /violations?body=</c>
/// does: 404 for a body no running unit is under, 403 naming the first unit under it that is not the caller's.
/// </summary>
/// <param name="running">The campaign service.</param>
/// <param name="lookup">The 403 answer.</param>
/// <param name="problems">The error answers.</param>
public sealed class BodyAccess(RunningCampaigns running, UnitLookup lookup, ApiProblems problems)
{
    /// <summary>The body, or the problem to answer with.</summary>
    /// <param name="context">The request.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="body">The body named in the request.</param>
    public (BodyScope? Body, IResult? Problem) Find(HttpContext context, Caller caller, string body)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (running.Service.Rollups.FindBody(body) is not { } scope)
        {
            return (null, problems.Write(context, StatusCodes.Status404NotFound, "unknown-body", body));
        }

        return scope.Units.FirstOrDefault(u => !caller.CanRead(u)) is { } foreign
            ? (null, lookup.Forbidden(context, caller, foreign.Id, UnitAccess.Read))
            : (scope, null);
    }
}
