using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Campaigns.Compilation;

/// <summary>
/// Keeps a campaign's time: one timer at a time, chained through every instant at which a period of the plan
/// closes or a phase opens or closes. The host learns of each firing (<c>WorkflowRuntime.FireDueTimersAsync</c>) and
/// moves the unit's rule session to that time, which inserts the closed periods' time facts. The first timer is due at
/// once, so a campaign started late catches up on its first tick.
/// </summary>
/// <param name="id">Stable id.</param>
/// <param name="instants">The instants, in any order.</param>
internal sealed class PeriodClock(string id, IEnumerable<DateTimeOffset> instants) : Activity(id)
{
    /// <summary>The timer tag of the catch-up at the start.</summary>
    public const string StartTag = "start";

    /// <summary>The timer tag of a period or phase boundary.</summary>
    public const string BoundaryTag = "boundary";

    /// <summary>The instants, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> Instants { get; } = instants.Distinct().Order().ToArray();

    /// <inheritdoc />
    protected override void OnStart(ActivityContext context) => context.ScheduleTimer(context.Now, StartTag);

    /// <inheritdoc />
    protected override void OnTimer(ActivityContext context, ScheduledTimer timer)
    {
        // Late timers run at their due time, so a clock that jumped still walks every boundary in order.
        foreach (var instant in Instants)
        {
            if (instant > context.Now)
            {
                context.ScheduleTimer(instant, BoundaryTag);
                return;
            }
        }

        context.Complete("campaign-over");
    }
}
