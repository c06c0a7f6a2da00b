using System.Collections.Concurrent;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Rules;

/// <summary>
/// Compiles plans into <see cref="ComplianceRules"/>, sharing one rule network between every plan whose rules have
/// the same shape: the same requirements (ids, kinds, severities, titles and sources) with judges that find the same
/// records relevant. The judges of a plan are its own, and reach the shared network on each unit's
/// <see cref="Due"/> facts, so a thousand units on clones of one plan compile one network.
/// </summary>
/// <threadsafety>Safe for concurrent use.</threadsafety>
/// <param name="engine">The rules engine to compile for; null for ours (<see cref="ReteComplianceEngine"/>).</param>
public sealed class ComplianceCompiler(IComplianceEngine? engine = null)
{
    private readonly ConcurrentDictionary<string, Lazy<IComplianceNetwork>> _networks = new(StringComparer.Ordinal);

    /// <summary>The rules engine this compiler compiles for.</summary>
    public IComplianceEngine Engine { get; } = engine ?? ReteComplianceEngine.Instance;

    /// <summary>How many distinct rule networks have been compiled.</summary>
    public int NetworkCount => _networks.Count;

    /// <summary>Compiles <paramref name="plan"/>'s requirements, reusing the network of an earlier plan of the same shape.</summary>
    /// <param name="plan">A resolved plan without errors.</param>
    /// <param name="decorate">
    /// Wraps each requirement's judge (a benchmark counting judge calls, a tracer); the rules are the same, only the
    /// judge they call changes. Null for the judges as they are.
    /// </param>
    /// <param name="schedule">The plan's <see cref="DueSchedule"/>, when the caller has computed it already.</param>
    /// <param name="unitsBelow">
    /// The units below the plan's unit, for its requirements over them (<c>acrossUnits</c>); null or empty when it
    /// has none. Only the plan's own judges read them: the network shared with other plans does not.
    /// </param>
    public ComplianceRules Compile(ResolvedPlan plan, Func<RequirementJudge, RequirementJudge>? decorate = null, IReadOnlyList<DuePeriod>? schedule = null, IReadOnlyList<Bodies.UnitBelow>? unitsBelow = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var context = new JudgeContext(plan) { UnitsBelow = unitsBelow ?? [] };
        var judges = plan.Requirements.ToDictionary(r => r.Id, r => decorate is null ? JudgeFactory.For(r, context) : decorate(JudgeFactory.For(r, context)), StringComparer.Ordinal);
        var shape = string.Join("\n", judges.Values.Select(ShapeOf));
        var network = _networks.GetOrAdd(shape, _ => new Lazy<IComplianceNetwork>(() => Engine.Compile(judges.Values))).Value;
        return new ComplianceRules(plan, judges, network, schedule ?? DueSchedule.For(plan));
    }

    private static string ShapeOf(RequirementJudge judge)
    {
        var requirement = judge.Requirement;
        return string.Join('\u001f', requirement.Id, requirement.ActionId, requirement.Kind, requirement.Severity, requirement.Title,
            string.Join(",", requirement.Source), judge.PerRecord, judge.ReadsOnlyItsPeriod, judge.ReadsOtherUnits, judge.RelevanceKey);
    }
}
