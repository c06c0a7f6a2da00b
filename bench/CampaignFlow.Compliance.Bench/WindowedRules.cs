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
/// EXPERIMENT, for <c>--variant windowed</c> only: the rules of <see cref="ComplianceRules"/> with the one change
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
    private static readonly MethodInfo JudgeMethod = typeof(RequirementJudge).GetMethod(nameof(RequirementJudge.Judge))!;

    public static ComplianceRules For(ComplianceRules original)
    {
        var rules = original.Judges.Values.Select(Rule).ToArray();
        var factory = RuleCompiler.Compile(rules);
        var constructor = typeof(ComplianceRules).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single();
        return (ComplianceRules)constructor.Invoke([original.Plan, original.Judges, factory]);
    }

    private static RuleDefinition Rule(RequirementJudge judge)
    {
        var requirement = judge.Requirement;
        var windowed = WindowedJudges.Contains(judge.GetType().Name);
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

        var verdict = Expression.Call(judgeConstant, JudgeMethod, dueParameter, records);
        rule.LeftHandSide.Filter(Expression.Lambda(Expression.NotEqual(verdict, Expression.Constant(null, typeof(Violation))), dueParameter, bound));
        rule.RightHandSide.Yield(Expression.Lambda(verdict, rule.RightHandSide.Context, dueParameter, bound));
        return rule.Build();
    }
}
