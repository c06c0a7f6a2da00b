using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Hosting;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Plans;

/// <summary>
/// <c>/console/plans</c>: the running plans the reader may read (<see cref="Security.Caller.CanReadPlan"/>, the rule of
/// <c>GET /plans</c>), each a link to the plan resolved.
/// </summary>
public partial class PlanListPage
{
    private IReadOnlyList<ResolvedPlan> _plans = [];

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    /// <summary>This page's path.</summary>
    public const string Path = "/console/plans";

    /// <summary>A plan's page.</summary>
    /// <param name="planId">The plan.</param>
    public static string Link(string planId) => Path + "/" + Uri.EscapeDataString(planId);

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var caller = Request.Caller!;
        // A version published since the start (here or on another host) is listed at once (ADR 0025).
        _plans = (await Running.Service.PlansAsync())
            .Where(p => caller.CanReadPlan(p.Id, p.Unit.Id))
            .DistinctBy(p => p.Id)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray();
    }
}
