using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Compliance;

/// <summary>
/// <c>GET /bodies/{body}/compliance</c> (the units × requirements matrix of the units under a body, met, pending or
/// violated, with totals) and <c>GET /bodies/{body}/compliance/history</c> (its open violations per day, for a chart).
/// Read from the stores' tallies of open violations, never by reading every violation. Callers must be able to read
/// every unit under the body.
/// </summary>
public static class ComplianceEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bodies").WithTags("Compliance").RequireAuthorization();
        group.MapGet("/{body}/compliance", MatrixAsync)
            .WithName("GetBodyCompliance")
            .WithSummary("The units under a body by the requirements of their plans: met, pending, violated, with totals")
            .WithDescription("A cell is violated while a violation of it is open, else pending while a period of the requirement has not ended by 'at', else met. Filters: at (yyyy-MM-dd), kind (unit kind), phase; sort (tree|behind); offset, limit (≤ 1000) page the rows, the totals count every unit.")
            .Produces<BodyCompliance>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{body}/compliance/history", HistoryAsync)
            .WithName("GetBodyComplianceHistory")
            .WithSummary("How many violations of the units under a body were open at the end of each day")
            .Produces<OpenHistoryView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> MatrixAsync(
        string body, [AsParameters] ComplianceQueryParameters parameters, HttpContext context, Caller caller, BodyAccess access, RunningCampaigns running, ApiProblems problems, CancellationToken cancellationToken)
    {
        var (scope, problem) = access.Find(context, caller, body);
        if (problem is not null)
        {
            return problem;
        }

        if (ComplianceQuery.Read(parameters, scope!, out var bad) is not { } filter)
        {
            return problems.BadQuery(context, bad!.Value);
        }

        return Results.Ok(await running.Service.Rollups.GetComplianceAsync(scope!, filter, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> HistoryAsync(
        string body, [AsParameters] HistoryQueryParameters parameters, HttpContext context, Caller caller, BodyAccess access, RunningCampaigns running, ApiProblems problems, CancellationToken cancellationToken)
    {
        var (scope, problem) = access.Find(context, caller, body);
        if (problem is not null)
        {
            return problem;
        }

        if (!ComplianceQuery.ReadHistory(parameters, out var from, out var to, out var bad))
        {
            return problems.BadQuery(context, bad!.Value);
        }

        var days = await running.Service.Rollups.GetOpenHistoryAsync(scope!, from, to, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new OpenHistoryView(scope!.Body, days));
    }
}
