using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Plans;

/// <summary>
/// <c>/console/plans/{id}</c>: a plan as it runs, for its authors: the campaign, its phases and every action with its
/// days as dates, each requirement in words (the statements <c>campaignflow show</c> prints, from the plans'
/// catalogue, amounts as hours), the seed sentences it encodes, and the actions inherited from another plan marked
/// with that plan, and every version's state and history (who wrote, submitted, returned, approved, published it, when).
/// Readable by whoever may read the plan through <c>GET /plans/{id}</c>.
/// </summary>
public partial class PlanPage
{
    private ResolvedPlan? _plan;
    private IReadOnlyList<PlanVersionHistory> _history = [];
    private (int Status, string Message)? _problem;

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    /// <summary>The plan's id.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var caller = Request.Caller!;
        var culture = Request.Culture;
        // A version published since the start (here or on another host) is the plan's at once, as in GET /plans/{id}.
        await Running.Service.PlanVersionsAsync(Id, Request.Http.RequestAborted).ConfigureAwait(true);
        if (Running.Service.FindPlan(Id) is not { } plan)
        {
            _problem = (StatusCodes.Status404NotFound, ApiProblems.Text("unknown-plan", culture, Id));
            return;
        }

        if (!caller.CanReadPlan(plan.Id, plan.Unit.Id))
        {
            _problem = (StatusCodes.Status403Forbidden, ApiProblems.Text("forbidden-unit", culture, caller.Name, ApiProblems.Text("verb-read", culture), plan.Unit.Id));
            return;
        }

        _plan = plan;
        _history = await Running.Service.Lifecycle.HistoryAsync(plan.Id).ConfigureAwait(false);
    }

    private string StateWord(PlanDraftState state) => state switch
    {
        PlanDraftState.Draft => Request.T("plan-state-draft"),
        PlanDraftState.Submitted => Request.T("plan-state-submitted"),
        PlanDraftState.Returned => Request.T("plan-state-returned"),
        PlanDraftState.Approved => Request.T("plan-state-approved"),
        _ => Request.T("plan-state-published"),
    };

    private string StepWord(PlanDraftAction action) => action switch
    {
        PlanDraftAction.Created => Request.T("plan-step-created"),
        PlanDraftAction.Revised => Request.T("plan-step-revised"),
        PlanDraftAction.Submitted => Request.T("plan-step-submitted"),
        PlanDraftAction.Returned => Request.T("plan-step-returned"),
        PlanDraftAction.Resubmitted => Request.T("plan-step-resubmitted"),
        PlanDraftAction.Approved => Request.T("plan-step-approved"),
        _ => Request.T("plan-step-published"),
    };

    private string Dates(CampaignFlow.Plans.Text.DateWindow window) => Request.T("plan-dates", Request.Day(window.Start), Request.Day(window.End));

    // Another plan by its title, where this one names it (the plan it inherits); the id when it does not run here.
    private string PlanTitle(string planId) => Running.Service.FindPlan(planId)?.Title ?? planId;

    private IEnumerable<ResolvedAction> ActionsOf(string? phaseId) => _plan!.Actions.Where(a => a.PhaseId == phaseId);
}
