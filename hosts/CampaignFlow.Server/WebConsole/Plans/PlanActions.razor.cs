using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
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

    private string Describe(Requirement requirement) => PlanResolver.Describe(requirement, Plan, Request.Culture);

    private string Dates(CampaignFlow.Plans.Text.DateWindow window) => Request.T("plan-dates", Request.Day(window.Start), Request.Day(window.End));
}
