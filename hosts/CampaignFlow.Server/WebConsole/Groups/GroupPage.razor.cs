using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Groups;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Groups;

/// <summary>
/// <c>/console/groups/{id}</c>: a supervision group's page of work, as <c>GET /groups/{id}</c> (<see cref="GroupWork"/>):
/// the units it covers, the documents of each waiting for the group's approval, their open violations. For the
/// group's reviewers, administrators and auditors of every unit it covers; anyone else gets the API's 403. The units
/// come a page at a time (<c>?page=</c>, <c>&amp;pageSize=</c>, as the API's), most behind first; the totals count all.
/// </summary>
public partial class GroupPage
{
    private GroupWorkView? _work;
    private (int Status, string Message)? _problem;

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    /// <summary>The group's id.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    /// <summary>Which page of the units, from 1.</summary>
    [SupplyParameterFromQuery(Name = "page")]
    public string? Page { get; set; }

    /// <summary>Units per page.</summary>
    [SupplyParameterFromQuery(Name = "pageSize")]
    public string? PageSize { get; set; }

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

        if (GroupWorkPaging.Read(new GroupWorkQueryParameters { Page = Page, PageSize = PageSize }, out var bad) is not { } paging)
        {
            _problem = (StatusCodes.Status400BadRequest, ApiProblems.Text("bad-query", culture, bad!.Value.Value, bad.Value.Parameter, bad.Value.Expected.Text(culture)));
            return;
        }

        _work = await GroupWork.OfAsync(group, service, paging, Request.Http.RequestAborted).ConfigureAwait(true);
    }

    // The size stays in the link only when the reader chose one.
    private string PageLink(int page)
    {
        var query = "?page=" + page.ToString(CultureInfo.InvariantCulture);
        return Link(Id) + (string.IsNullOrWhiteSpace(PageSize) ? query : query + "&pageSize=" + Uri.EscapeDataString(PageSize.Trim()));
    }

    private string DocumentTitle(CampaignUnit unit, string kind) =>
        Running.Service.FindPlan(unit.PlanId)?.Vocabulary.DocumentTitle(kind) ?? kind;
}
