using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Units;

/// <summary>
/// <c>GET /units</c> (the units the caller may read) and <c>GET /units/{unit}/state</c> (the unit's campaign now:
/// phases, open actions, gates waiting for approval, next deadlines, open violations).
/// </summary>
public static class UnitEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/units").WithTags("Units").RequireAuthorization();
        group.MapGet("/", (Caller caller) => Results.Ok(caller.ReadableUnits()))
            .WithName("ListUnits")
            .WithSummary("The units whose campaigns the caller may read")
            .Produces<IReadOnlyList<CampaignUnit>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{unit}/state", StateAsync)
            .WithName("GetUnitState")
            .WithSummary("A unit's campaign now: phases, open actions, waiting gates, next deadlines")
            .Produces<UnitCampaignState>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> StateAsync(
        string unit, HttpContext context, Caller caller, UnitLookup lookup, RunningCampaigns running, ApiProblems problems, CancellationToken cancellationToken)
    {
        var (found, problem) = lookup.Find(context, caller, unit, UnitAccess.Read);
        if (problem is not null)
        {
            return problem;
        }

        var state = await running.Service.GetStateAsync(found!.Id, cancellationToken).ConfigureAwait(false);
        return state is null ? problems.Write(context, StatusCodes.Status404NotFound, "unknown-unit", unit) : Results.Ok(state);
    }
}
