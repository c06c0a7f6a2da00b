using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Compliance.Explaining;
using CampaignFlow.Server.Api.Compliance;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Units;

/// <summary>
/// <c>GET /units</c> (the units the caller may read), <c>GET /units/{unit}/state</c> (the unit's campaign now:
/// phases, open actions, gates waiting for approval, next deadlines, open violations) and
/// <c>GET /units/{unit}/explain</c> (why one of its requirements is, or is not, violated).
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
        group.MapGet("/{unit}/explain", ExplainAsync)
            .WithName("ExplainRequirement")
            .WithSummary("Why a requirement of the unit is (not) violated: each period met, violated or pending, its rule node by node, and how each record fared")
            .WithDescription("requirement: ACTION:KIND as GET /plans/{plan} lists them. at: yyyy-MM-dd, judged as at the end of that day (default: now).")
            .Produces<RequirementExplanation>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ExplainAsync(
        string unit, string? requirement, string? at, HttpContext context, Caller caller, UnitLookup lookup, RunningCampaigns running, ApiProblems problems, CancellationToken cancellationToken)
    {
        var (found, problem) = lookup.Find(context, caller, unit, UnitAccess.Read);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(requirement))
        {
            return problems.Write(context, StatusCodes.Status400BadRequest, "requirement-missing");
        }

        (string Value, string Parameter, QueryExpectation Expected)? bad = null;
        if (!ComplianceQuery.Day(at, "at", out var day, ref bad))
        {
            return problems.BadQuery(context, bad!.Value);
        }

        try
        {
            var explanation = await running.Service.ExplainAsync(found!.Id, requirement.Trim(), EndOf(day, running.Service.FindPlan(found.PlanId)), cancellationToken).ConfigureAwait(false);
            return explanation is null
                ? problems.Write(context, StatusCodes.Status404NotFound, "unknown-requirement", found.Id, requirement.Trim())
                : Results.Ok(explanation);
        }
        catch (NotSupportedException)
        {
            return problems.Write(context, StatusCodes.Status422UnprocessableEntity, "explain-across-units", requirement.Trim());
        }
    }

    // A day asked about is judged as at its end in the plan's time zone, as the roll-ups read 'at'.
    private static DateTimeOffset? EndOf(DateOnly? day, CampaignFlow.Plans.Resolution.ResolvedPlan? plan)
    {
        if (day is not { } asked)
        {
            return null;
        }

        var zone = CampaignFlow.Plans.Zones.PlanTimeZone.Of(plan?.TimeZone);
        var midnight = asked.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static async Task<IResult> ListAsync(
        [AsParameters] UnitListParameters parameters, HttpContext context, Caller caller, BodyAccess access, RunningCampaigns running, ApiProblems problems, CancellationToken cancellationToken)
    {
        (string Value, string Parameter, QueryExpectation Expected)? bad = null;
        if (!ComplianceQuery.Sort(parameters.Sort, out var sort, ref bad) || !ComplianceQuery.Day(parameters.At, "at", out var at, ref bad))
        {
            return problems.BadQuery(context, bad!.Value);
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
