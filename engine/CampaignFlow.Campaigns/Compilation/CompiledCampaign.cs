using CampaignFlow.Plans.Resolution;
using CampaignFlow.Workflows.Definitions;

namespace CampaignFlow.Campaigns.Compilation;

/// <summary>A plan version compiled: its workflow definition, and what each waiting activity stands for in the plan.</summary>
/// <param name="Plan">The plan version.</param>
/// <param name="Definition">The workflow definition (id: the plan id; version: the plan version).</param>
/// <param name="Bindings">The plan meaning of each activity that waits on a bookmark, by activity id.</param>
/// <param name="Zone">The plan's time zone.</param>
internal sealed record CompiledCampaign(ResolvedPlan Plan, WorkflowDefinition Definition, IReadOnlyDictionary<string, ActivityBinding> Bindings, TimeZoneInfo Zone)
{
    /// <summary>The instant a day of the plan begins, in its time zone.</summary>
    public DateTimeOffset StartOf(DateOnly day) => PlanWorkflowCompiler.StartOf(day, Zone);

    /// <summary>The instants at which time changes what the unit's records mean (periods close, phases open and close), earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> Boundaries { get; init; } = [];

    /// <summary>The first boundary after <paramref name="instant"/>, or null when none is left.</summary>
    public DateTimeOffset? NextBoundaryAfter(DateTimeOffset instant) => Boundaries.Where(b => b > instant).Select(b => (DateTimeOffset?)b).FirstOrDefault();

    /// <summary>
    /// The roles that approve a gate of the plan: only a unit whose plan has one can wait for that role, so a reader of
    /// many units' waiting gates reads the instances of those alone.
    /// </summary>
    public IReadOnlySet<string> Approvers { get; } = Bindings.Values.Where(b => b.Kind == BindingKind.Approval && b.Role is not null)
        .Select(b => b.Role!).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// True when an action of the plan may have to be held again (it has a re-work requirement): only such a unit's
    /// state can say <c>rework</c>, so a reader of many units' re-work reads the instances of those alone.
    /// </summary>
    public bool MayHoldAgain { get; } = Bindings.Values.Any(b => b.Kind == BindingKind.Held && b.Rework is not null);

    /// <summary>The plan's day at an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
