using System.Linq.Expressions;
using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Rules.Builder;
using CampaignFlow.Rules.RuleModel;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Compliance.Rules;

/// <summary>
/// A plan's requirements compiled into one rule each, and the rules into one network of a rules engine, shared by
/// every session of that plan version (and, through <see cref="ComplianceCompiler"/>, of every plan of the same
/// shape). The rules below are our engine's (<see cref="ReteComplianceEngine"/>); NRules builds the same shape in
/// CampaignFlow.Compliance.NRules, and a change to one is a change to both (ADR 0011). Every rule has one shape:
/// <code>
/// when  due:     Due (requirement R closed for a period and target, with the unit's judge of R)
///       not      ExceptionRecord (unit, action of R)            — soft requirements only
///       records: Collect UnitRecord (same unit, relevant to R, inside the due's period when R reads only that)
///       filter   due.Judge(due, records) is a violation
/// then  yield    due.Judge(due, records)                          — linked: retracted when no longer true
/// </code>
/// The judge is the requirement kind's C# verdict; the network does the incremental part: which period of which
/// requirement a new record touches, and retracting a verdict a late record overturns. The verdict comes from the
/// judge the due carries (the unit's), so the network holds no unit's data; which records are relevant is the plan's,
/// not the unit's, so it is the one judge the network holds as a constant.
/// </summary>
public sealed class ComplianceRules
{
    private static readonly System.Reflection.MethodInfo IsRelevantMethod = typeof(RequirementJudge).GetMethod(nameof(RequirementJudge.IsRelevant))!;
    private static readonly System.Reflection.MethodInfo JudgeMethod = typeof(RequirementJudge).GetMethod(nameof(RequirementJudge.Judge))!;
    private static readonly System.Reflection.MethodInfo WithinMethod = typeof(UnitRecord).GetMethod(nameof(UnitRecord.Within))!;

    internal ComplianceRules(ResolvedPlan plan, IReadOnlyDictionary<string, RequirementJudge> judges, IComplianceNetwork network, IReadOnlyList<DuePeriod> schedule)
    {
        Plan = plan;
        Judges = judges;
        Network = network;
        Schedule = schedule;
    }

    /// <summary>The plan compiled.</summary>
    public ResolvedPlan Plan { get; }

    /// <summary>The judge of each requirement, by requirement id.</summary>
    public IReadOnlyDictionary<string, RequirementJudge> Judges { get; }

    /// <summary>
    /// The compiled rules, on the engine they were compiled for; create one session per unit from it, and insert each
    /// <see cref="Due"/> with the unit's judge.
    /// </summary>
    public IComplianceNetwork Network { get; }

    /// <summary>Every closing of the plan's requirements, by closing day: computed once for every unit that runs the plan.</summary>
    public IReadOnlyList<DuePeriod> Schedule { get; }

    /// <summary>Compiles <paramref name="plan"/>'s requirements into rules of their own (no network shared with other plans).</summary>
    /// <param name="plan">A resolved plan without errors.</param>
    /// <param name="decorate">
    /// Wraps each requirement's judge before its rule is built (a benchmark counting judge calls, a tracer); the
    /// rules are the same, only the judge they call changes. Null for the judges as they are.
    /// </param>
    public static ComplianceRules For(ResolvedPlan plan, Func<RequirementJudge, RequirementJudge>? decorate = null) =>
        new ComplianceCompiler().Compile(plan, decorate);

    /// <summary>Compiles <paramref name="plan"/>'s requirements into rules of their own, on <paramref name="engine"/>.</summary>
    /// <param name="plan">A resolved plan without errors.</param>
    /// <param name="engine">The rules engine to run them on.</param>
    /// <param name="decorate">Wraps each requirement's judge before its rule is built; null for the judges as they are.</param>
    public static ComplianceRules For(ResolvedPlan plan, IComplianceEngine engine, Func<RequirementJudge, RequirementJudge>? decorate = null) =>
        new ComplianceCompiler(engine).Compile(plan, decorate);

    internal static ISessionFactory Compile(IEnumerable<RequirementJudge> judges) => RuleCompiler.Compile(judges.Select(Rule).ToArray());

    private static RuleDefinition Rule(RequirementJudge judge)
    {
        var requirement = judge.Requirement;
        var rule = new RuleBuilder(requirement.Id)
            .Name(requirement.Title)
            .Description($"{requirement.Kind} of action {requirement.ActionId}")
            .Tags([requirement.Kind.ToString(), .. requirement.Source]);
        var relevance = Expression.Constant(judge);

        var due = rule.LeftHandSide.Pattern(typeof(Due), "due");
        due.Condition(Expression.Lambda(
            Expression.Equal(Expression.Property(due.Parameter, nameof(Due.RequirementId)), Expression.Constant(requirement.Id)),
            due.Parameter));

        if (requirement.Severity == Severity.Soft)
        {
            var exception = rule.LeftHandSide.Not(typeof(ExceptionRecord), "exception");
            exception.Equal(nameof(ExceptionRecord.Unit), due.Declaration, nameof(Due.Unit));
            exception.Condition(Expression.Lambda(
                Expression.Equal(Expression.Property(exception.Parameter, nameof(ExceptionRecord.ActionId)), Expression.Constant(requirement.ActionId)),
                exception.Parameter));
        }

        var dueParameter = due.Declaration.ToParameter();
        ParameterExpression bound;
        Expression records;
        if (judge.PerRecord)
        {
            // One activation, and so one linked violation, per relevant record.
            var single = rule.LeftHandSide.Pattern(typeof(UnitRecord), "record");
            single.Equal(nameof(UnitRecord.Unit), due.Declaration, nameof(Due.Unit));
            single.Condition(Expression.Lambda(Expression.Call(relevance, IsRelevantMethod, single.Parameter), single.Parameter));
            bound = single.Declaration.ToParameter();
            records = Expression.NewArrayInit(typeof(UnitRecord), bound);
        }
        else
        {
            var collect = rule.LeftHandSide.Aggregate(AggregateKind.Collect, "records", typeof(UnitRecord), "record");
            if (!judge.ReadsOtherUnits)
            {
                collect.Source.Equal(nameof(UnitRecord.Unit), due.Declaration, nameof(Due.Unit));
            }

            collect.Source.Condition(Expression.Lambda(Expression.Call(relevance, IsRelevantMethod, collect.Source.Parameter), collect.Source.Parameter));
            if (judge.ReadsOnlyItsPeriod)
            {
                var dueInSource = due.Declaration.ToParameter();
                collect.Source.Condition(Expression.Lambda(
                    Expression.Call(collect.Source.Parameter, WithinMethod, Expression.Property(dueInSource, nameof(Due.Start)), Expression.Property(dueInSource, nameof(Due.End))),
                    collect.Source.Parameter,
                    dueInSource));
            }

            bound = collect.Result.ToParameter();
            records = bound;
        }

        var verdict = Expression.Call(Expression.Property(dueParameter, nameof(Due.Judge)), JudgeMethod, dueParameter, Expression.Convert(records, typeof(IReadOnlyCollection<UnitRecord>)));
        rule.LeftHandSide.Filter(Expression.Lambda(Expression.NotEqual(verdict, Expression.Constant(null, typeof(Violation))), dueParameter, bound));
        rule.RightHandSide.Yield(Expression.Lambda(verdict, rule.RightHandSide.Context, dueParameter, bound));
        return rule.Build();
    }
}
