using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>
/// <c>GET /groups</c> (the supervision groups the caller may see) and <c>GET /groups/{id}</c> (a group's page of work:
/// the units it covers, each with the approvals waiting for the group and its open violations, a page at a time).
/// </summary>
public static class GroupEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/groups").WithTags("Supervision groups").RequireAuthorization();
        group.MapGet("/", (Caller caller, RunningCampaigns running) =>
                Results.Ok(running.Service.Organisation.Groups.Where(g => GroupWork.MaySee(caller, g, running.Service)).Select(g => GroupView.Of(g, running.Service))))
            .WithName("ListGroups")
            .WithSummary("The supervision groups the caller may see, with the units each covers")
            .Produces<IReadOnlyList<GroupView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id}", WorkAsync)
            .WithName("GetGroupWork")
            .WithSummary("A supervision group's page of work: its units, the approvals waiting for it, what they must hold again, their open violations")
            .WithDescription("Totals over all the group's units; the units paged by page (from 1) and pageSize (1 to 1000, default 50), most approvals waiting first, then most actions to be held again (mustHoldAgain, each with its due day; no violation before that day), then most open violations.")
            .Produces<GroupWorkView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> WorkAsync(
        string id, [AsParameters] GroupWorkQueryParameters parameters, HttpContext context, Caller caller, RunningCampaigns running, ApiProblems problems, CancellationToken cancellationToken)
    {
        if (running.Service.Organisation.FindGroup(id) is not { } group)
        {
            return problems.Write(context, StatusCodes.Status404NotFound, "unknown-group", id);
        }

        if (!GroupWork.MaySee(caller, group, running.Service))
        {
            return problems.Write(context, StatusCodes.Status403Forbidden, "group-forbidden", id);
        }

        if (GroupWorkPaging.Read(parameters, out var bad) is not { } paging)
        {
            return problems.BadQuery(context, bad!.Value);
        }

        return Results.Ok(await GroupWork.OfAsync(group, running.Service, paging, cancellationToken).ConfigureAwait(false));
    }
}
