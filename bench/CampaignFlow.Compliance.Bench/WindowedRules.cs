using System.Linq.Expressions;
using System.Reflection;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Rules.Builder;
using CampaignFlow.Rules.RuleModel;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Compliance.Bench;

/// <summary>
/// EXPERIMENT, for <c>--variant counted</c> and <c>--variant windowed</c> only. <c>counted</c> is a copy of
/// <c>ComplianceRules.Rule</c> whose judge calls go through <see cref="Count"/>, so the benchmark can say how often
/// judges run; <c>windowed</c> adds, on top of that, the rules of <see cref="ComplianceRules"/> with the one change
/// this benchmark proposes to the maintainers. For the judges that only ever look at records inside the Due's
/// period (<see cref="WindowedJudges"/>), the Collect of the unit's relevant records also requires
/// <c>due.Start &lt;= record.Day &lt;= due.End</c>, so a Due collects its own period's records instead of all of
/// them, and a new record re-judges only the Dues whose period contains it. Everything else is a copy of
/// <c>ComplianceRules.Rule</c>; the engine is not changed (the private constructor is called by reflection).
/// </summary>
public static class WindowedRules
{
    /// <summary>Judges whose verdict reads only records with <c>Within(due.Start, due.End)</c>.</summary>
    public static readonly HashSet<string> WindowedJudges =
    [
        "PeriodMinimumJudge", "CapJudge", "CountInWindowJudge", "QuantityTargetJudge", "MinimumDurationJudge",
        "ParticipationJudge", "AttendanceJudge", "CoverageJudge", "TotalSpanJudge",
    ];

    private static readonly MethodInfo IsRelevantMethod = typeof(RequirementJudge).GetMethod(nameof(RequirementJudge.IsRelevant))!;

    private static readonly MethodInfo CountedJudgeMethod = typeof(WindowedRules).GetMethod(nameof(CountedJudge))!;

    /// <summary>Judge calls made through the experimental rules so far.</summary>
    public static long JudgeCalls;

    /// <summary>Judge calls that returned a violation.</summary>
    public static long Violated;

    public static Violation? CountedJudge(RequirementJudge judge, Due due, IReadOnlyCollection<UnitRecord> records)
    {
        JudgeCalls++;
        var verdict = judge.Judge(due, records);
        if (verdict is not null)
        {
            Violated++;
        }

        return verdict;
    }

    public static ComplianceRules For(ComplianceRules original, bool windowed)
    {
        var rules = original.Judges.Values.Select(j => Rule(j, windowed)).ToArray();
        var factory = RuleCompiler.Compile(rules);
        var constructor = typeof(ComplianceRules).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single();
        return (ComplianceRules)constructor.Invoke([original.Plan, original.Judges, factory]);
    }

    private static RuleDefinition Rule(RequirementJudge judge, bool windowedVariant)
    {
        var requirement = judge.Requirement;
        var windowed = windowedVariant && WindowedJudges.Contains(judge.GetType().Name);
        var rule = new RuleBuilder(requirement.Id)
            .Name(requirement.Title)
            .Description($"{requirement.Kind} of action {requirement.ActionId}")
            .Tags([requirement.Kind.ToString(), .. requirement.Source]);
        var judgeConstant = Expression.Constant(judge);

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
        PatternBuilder source;
        if (judge.PerRecord)
        {
            source = rule.LeftHandSide.Pattern(typeof(UnitRecord), "record");
            bound = source.Declaration.ToParameter();
            records = Expression.NewArrayInit(typeof(UnitRecord), bound);
        }
        else
        {
            var collect = rule.LeftHandSide.Aggregate(AggregateKind.Collect, "records", typeof(UnitRecord), "record");
            source = collect.Source;
            bound = collect.Result.ToParameter();
            records = bound;
        }

        source.Equal(nameof(UnitRecord.Unit), due.Declaration, nameof(Due.Unit));
        source.Condition(Expression.Lambda(Expression.Call(judgeConstant, IsRelevantMethod, source.Parameter), source.Parameter));
        if (windowed)
        {
            // THE CHANGE: record.Within(due.Start, due.End), a beta condition tested within the unit's bucket.
            var dueInCondition = due.Declaration.ToParameter();
            source.Condition(Expression.Lambda(
                Expression.Call(source.Parameter, typeof(UnitRecord).GetMethod(nameof(UnitRecord.Within))!,
                    Expression.Property(dueInCondition, nameof(Due.Start)), Expression.Property(dueInCondition, nameof(Due.End))),
                source.Parameter, dueInCondition));
        }

        var verdict = Expression.Call(CountedJudgeMethod, judgeConstant, dueParameter, records);
        rule.LeftHandSide.Filter(Expression.Lambda(Expression.NotEqual(verdict, Expression.Constant(null, typeof(Violation))), dueParameter, bound));
        rule.RightHandSide.Yield(Expression.Lambda(verdict, rule.RightHandSide.Context, dueParameter, bound));
        return rule.Build();
    }
}
