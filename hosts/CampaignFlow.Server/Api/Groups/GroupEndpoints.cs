using CampaignFlow.Campaigns.Service;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>
/// <c>GET /groups</c> (the supervision groups the caller may see) and <c>GET /groups/{id}</c> (a group's page of work:
/// the units it covers, each with the approvals waiting for the group and its open violations).
/// </summary>
public static class GroupEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/groups").WithTags("Supervision groups").RequireAuthorization();
        group.MapGet("/", (Caller caller, RunningCampaigns running) =>
                Results.Ok(running.Service.Organisation.Groups.Where(g => MaySee(caller, g, running)).Select(g => GroupView.Of(g, running.Service))))
            .WithName("ListGroups")
            .WithSummary("The supervision groups the caller may see, with the units each covers")
            .Produces<IReadOnlyList<GroupView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id}", WorkAsync)
            .WithName("GetGroupWork")
            .WithSummary("A supervision group's page of work: its units, the approvals waiting for it, their open violations")
            .Produces<GroupWorkView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> WorkAsync(string id, HttpContext context, Caller caller, RunningCampaigns running, ApiProblems problems, CancellationToken cancellationToken)
    {
        if (running.Service.Organisation.FindGroup(id) is not { } group)
        {
            return problems.Write(context, StatusCodes.Status404NotFound, "unknown-group", id);
        }

        if (!MaySee(caller, group, running))
        {
            return problems.Write(context, StatusCodes.Status403Forbidden, "group-forbidden", id);
        }

        var units = new List<GroupUnitWork>();
        foreach (var unitId in group.Units)
        {
            // A group covers units of the files; one whose plan failed to load runs nothing and has no work to show.
            if (running.Service.FindUnit(unitId) is not { } unit || await running.Service.GetStateAsync(unitId, cancellationToken).ConfigureAwait(false) is not { } state)
            {
                continue;
            }

            units.Add(new GroupUnitWork(unit, SupervisorGates.WaitingIn(state), state.OpenViolations));
        }

        return Results.Ok(new GroupWorkView(GroupView.Of(group, running.Service), [.. units.OrderByDescending(u => u.WaitingForReview.Count).ThenByDescending(u => u.OpenViolations)]));
    }

    // The group's own reviewers, admin, and auditors who may read every unit it covers.
    private static bool MaySee(Caller caller, SupervisionGroup group, RunningCampaigns running) =>
        caller.ReadsAll
        || (caller.Grant.Role == AccessRole.Reviewer && (caller.Grant.Group == group.Id || (caller.Grant.Group is null && caller.Grant.Supervisor == group.Name)))
        || (caller.Grant.Role == AccessRole.Auditor && group.Units.All(u => running.Service.FindUnit(u) is not { } unit || caller.CanRead(unit)));
}
