using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Groups;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Groups;

/// <summary>
/// <c>/console/groups/{id}</c>: a supervision group's page of work, as <c>GET /groups/{id}</c> (<see cref="GroupWork"/>):
/// the units it covers, the documents of each waiting for the group's approval, their open violations. For the
/// group's reviewers, administrators and auditors of every unit it covers; anyone else gets the API's 403.
/// </summary>
public partial class GroupPage
{
    private GroupWorkView? _work;
    private int _waiting;
    private (int Status, string Message)? _problem;

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    /// <summary>The group's id.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    /// <summary>A group's page.</summary>
    /// <param name="groupId">The group.</param>
    public static string Link(string groupId) => "/console/groups/" + Uri.EscapeDataString(groupId);

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var service = Running.Service;
        var culture = Request.Culture;
        if (service.Organisation.FindGroup(Id) is not { } group)
        {
            _problem = (StatusCodes.Status404NotFound, ApiProblems.Text("unknown-group", culture, Id));
            return;
        }

        if (!GroupWork.MaySee(Request.Caller!, group, service))
        {
            _problem = (StatusCodes.Status403Forbidden, ApiProblems.Text("group-forbidden", culture, Id));
            return;
        }

        _work = await GroupWork.OfAsync(group, service, Request.Http.RequestAborted).ConfigureAwait(true);
        _waiting = _work.Units.Sum(u => u.WaitingForReview.Count);
    }

    private string DocumentTitle(CampaignUnit unit, string kind) =>
        Running.Service.FindPlan(unit.PlanId)?.Vocabulary.Documents.GetValueOrDefault(kind) is { Title.Length: > 0 } document ? document.Title : kind;
}
