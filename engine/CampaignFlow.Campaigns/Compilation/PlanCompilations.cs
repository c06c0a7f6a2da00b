using System.Collections.Concurrent;
using CampaignFlow.Compliance.Bodies;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Workflows.Definitions;

namespace CampaignFlow.Campaigns.Compilation;

/// <summary>
/// Every plan version compiled once and kept for every unit that runs it: its workflow as soon as it is registered
/// (an instance of any stored version may be resumed or cancelled), its rules on first use, on a network shared by
/// every plan of the same shape; its due schedule computed once for both.
/// </summary>
/// <threadsafety>Safe for concurrent use.</threadsafety>
internal sealed class PlanCompilations
{
    private readonly ConcurrentDictionary<(string Id, int Version), (CompiledCampaign Campaign, IReadOnlyList<DuePeriod> Schedule)> _workflows = new();
    private readonly ConcurrentDictionary<(string Id, int Version), Lazy<CompiledPlan>> _compiled = new();
    private readonly ConcurrentDictionary<(string Id, int Version, string Body), Lazy<CompiledPlan>> _bodies = new();
    private readonly ComplianceCompiler _rules;

    /// <summary>Compilations with every version of <paramref name="versions"/> registered (none when null).</summary>
    /// <remarks>Every stored version is registered, so instances pinned to older versions can still be resumed (and cancelled).</remarks>
    /// <param name="versions">The plan versions to register.</param>
    /// <param name="engine">The rules engine to compile the compliance rules for; null for ours.</param>
    public PlanCompilations(IEnumerable<ResolvedPlan>? versions = null, IComplianceEngine? engine = null)
    {
        _rules = new ComplianceCompiler(engine);
        foreach (var version in versions ?? [])
        {
            Register(version);
        }
    }

    /// <summary>The workflow definitions of every registered version, for the runtime.</summary>
    public WorkflowDefinitionRegistry Registry { get; } = new();

    /// <summary>How many distinct rule networks the compiled versions share.</summary>
    public int RuleNetworks => _rules.NetworkCount;

    /// <summary>Compiles the workflow of <paramref name="version"/> and registers it.</summary>
    public void Register(ResolvedPlan version) => WorkflowOf(version);

    /// <summary>The plan version compiled, its rules compiled on first use.</summary>
    public CompiledPlan For(ResolvedPlan version) =>
        _compiled.GetOrAdd((version.Id, version.Version), _ => new Lazy<CompiledPlan>(() =>
        {
            var (campaign, schedule) = WorkflowOf(version);
            return new CompiledPlan(campaign, _rules.Compile(version, schedule: schedule));
        })).Value;

    /// <summary>
    /// The plan version compiled for one body that runs it, whose requirements over the units below it (<c>acrossUnits</c>)
    /// judge <paramref name="unitsBelow"/>: its workflow and rule network are the version's, its judges the body's own.
    /// </summary>
    /// <remarks>
    /// A requirement judged per supervision group gets the groups of the units below as its targets here, so the
    /// body's periods close once per group; the workflow, whose timers are the same instants, is the version's.
    /// </remarks>
    public CompiledPlan ForBody(ResolvedPlan version, string bodyId, IReadOnlyList<UnitBelow> unitsBelow) =>
        _bodies.GetOrAdd((version.Id, version.Version, bodyId), _ => new Lazy<CompiledPlan>(() =>
        {
            var (campaign, schedule) = WorkflowOf(version);
            var groups = unitsBelow.Select(u => u.Group?.Id).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (!version.Requirements.Any(r => r.Across is { PerGroup: true }))
            {
                return new CompiledPlan(campaign, _rules.Compile(version, schedule: schedule, unitsBelow: unitsBelow));
            }

            var perGroup = version with
            {
                Actions = [.. version.Actions.Select(a => a with
                {
                    Requirements = [.. a.Requirements.Select(r => r.Across is { PerGroup: true } ? r with { Targets = groups } : r)],
                })],
            };
            return new CompiledPlan(campaign, _rules.Compile(perGroup, unitsBelow: unitsBelow));
        })).Value;

    /// <summary>The due schedule of <paramref name="version"/>, computed once for its workflow and rules.</summary>
    public IReadOnlyList<DuePeriod> ScheduleOf(ResolvedPlan version) => WorkflowOf(version).Schedule;

    private (CompiledCampaign Campaign, IReadOnlyList<DuePeriod> Schedule) WorkflowOf(ResolvedPlan version) =>
        _workflows.GetOrAdd((version.Id, version.Version), _ =>
        {
            var schedule = DueSchedule.For(version);
            var campaign = PlanWorkflowCompiler.Compile(version, schedule);
            Registry.Register(campaign.Definition);
            return (campaign, schedule);
        });
}
