using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Hosting;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Plans;

/// <summary>Some actions of a plan, each with its days, where it comes from when inherited, and its requirements in words.</summary>
public partial class PlanActions
{
    /// <summary>The plan.</summary>
    [Parameter]
    [EditorRequired]
    public ResolvedPlan Plan { get; set; } = null!;

    /// <summary>The actions to show.</summary>
    [Parameter]
    public IReadOnlyList<ResolvedAction> Actions { get; set; } = [];

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    // The plan an action is inherited from, by its title; the id when that plan does not run here.
    private string PlanTitle(string planId) => Running.Service.FindPlan(planId)?.Title ?? planId;

    private string Describe(Requirement requirement) => PlanResolver.Describe(requirement, Plan, Request.Culture);

    private string Dates(CampaignFlow.Plans.Text.DateWindow window) => Request.T("plan-dates", Request.Day(window.Start), Request.Day(window.End));
}
