using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Compliance;
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
        group.MapGet("/", ListAsync)
            .WithName("ListUnits")
            .WithSummary("The units whose campaigns the caller may read; under a body; or the most behind first, with their counts")
            .WithDescription("body: only the units under it (all must be the caller's). sort=behind: each unit with its open violations and days overdue (to 'at', default yesterday), most behind first.")
            .Produces<IReadOnlyList<CampaignUnit>>()
            .Produces<IReadOnlyList<UnitStanding>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{unit}/state", StateAsync)
            .WithName("GetUnitState")
            .WithSummary("A unit's campaign now: phases, open actions, waiting gates, next deadlines")
            .Produces<UnitCampaignState>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        [AsParameters] UnitListParameters parameters, HttpContext context, Caller caller, BodyAccess access, RunningCampaigns running, ApiProblems problems, CancellationToken cancellationToken)
    {
        (string Value, string Parameter, string Expected)? bad = null;
        if (!ComplianceQuery.Sort(parameters.Sort, out var sort, ref bad) || !ComplianceQuery.Day(parameters.At, "at", out var at, ref bad))
        {
            return problems.Write(context, StatusCodes.Status400BadRequest, "bad-query", bad!.Value.Value, bad.Value.Parameter, bad.Value.Expected);
        }

        IReadOnlyList<CampaignUnit> units;
        if (string.IsNullOrWhiteSpace(parameters.Body))
        {
            units = caller.ReadableUnits();
        }
        else
        {
            var (scope, problem) = access.Find(context, caller, parameters.Body.Trim());
            if (problem is not null)
            {
                return problem;
            }

            units = scope!.Units;
        }

        return sort == ComplianceSort.Behind
            ? Results.Ok(await running.Service.Rollups.RankBehindAsync(units, at, cancellationToken).ConfigureAwait(false))
            : Results.Ok(units);
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
