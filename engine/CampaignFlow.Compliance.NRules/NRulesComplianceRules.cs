using System.Linq.Expressions;
using System.Reflection;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace CampaignFlow.Compliance.NRules;

/// <summary>
/// The compliance rules of <see cref="Rules.ComplianceRules"/>, the same one shape per requirement, written in
/// NRules' canonical rule model:
/// <code>
/// when  due:       Due (requirement R)
///       not        ExceptionRecord (unit of due, action of R)               — soft requirements only
///       records:   Collect UnitRecord (unit of due unless the judge reads other units, relevant to R,
///                                      inside the due's period when R reads only that)
///                  — or record: one relevant UnitRecord of the unit, when the judge judges record by record
///       violation: bound to due.Judge(due, records), not null
/// then  InsertLinked / UpdateLinked violation                                — retracted by NRules with the match
/// </code>
/// The verdict is bound once (an NRules binding) rather than judged in a filter and again in the action, as our
/// engine's rule does: the judge is pure, so the verdicts are the same, and the binding is what NRules offers for it.
/// Expression parameters are named after the declarations they stand for, as NRules matches them by name.
/// </summary>
internal static class NRulesComplianceRules
{
    private const string LinkKey = "violation";
    private static readonly MethodInfo IsRelevantMethod = typeof(RequirementJudge).GetMethod(nameof(RequirementJudge.IsRelevant))!;
    private static readonly MethodInfo JudgeMethod = typeof(RequirementJudge).GetMethod(nameof(RequirementJudge.Judge))!;
    private static readonly MethodInfo WithinMethod = typeof(UnitRecord).GetMethod(nameof(UnitRecord.Within))!;
    private static readonly MethodInfo AsCollectionMethod = typeof(NRulesComplianceRules).GetMethod(nameof(AsCollection), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo InsertLinkedMethod = typeof(IContext).GetMethod(nameof(IContext.InsertLinked))!;
    private static readonly MethodInfo UpdateLinkedMethod = typeof(IContext).GetMethod(nameof(IContext.UpdateLinked))!;

    /// <summary>The rule of one requirement, for the judge the network holds (relevance) and the judge each due carries (verdict).</summary>
    /// <param name="judge">The requirement's judge, of the first plan compiled to this network.</param>
    public static IRuleDefinition Rule(RequirementJudge judge)
    {
        var requirement = judge.Requirement;
        var rule = new RuleBuilder();
        rule.Name(requirement.Id);
        rule.Description($"{requirement.Kind} of action {requirement.ActionId}");
        rule.Tags([requirement.Kind.ToString(), .. requirement.Source]);
        var relevance = Expression.Constant(judge);
        var lhs = rule.LeftHandSide();

        var due = Expression.Parameter(typeof(Due), "due");
        var duePattern = lhs.Pattern(typeof(Due), due.Name);
        duePattern.Condition(Expression.Lambda(
            Expression.Equal(Expression.Property(due, nameof(Due.RequirementId)), Expression.Constant(requirement.Id)), due));

        if (requirement.Severity == Severity.Soft)
        {
            var exception = Expression.Parameter(typeof(ExceptionRecord), "exception");
            var excused = lhs.Not().Pattern(typeof(ExceptionRecord), exception.Name);
            excused.Condition(Expression.Lambda(
                Expression.Equal(Expression.Property(exception, nameof(ExceptionRecord.ActionId)), Expression.Constant(requirement.ActionId)), exception));
            excused.Condition(Expression.Lambda(
                Expression.Equal(Expression.Property(exception, nameof(UnitRecord.Unit)), Expression.Property(due, nameof(Due.Unit))), exception, due));
        }

        var record = Expression.Parameter(typeof(UnitRecord), "record");
        ParameterExpression bound;
        Expression records;
        if (judge.PerRecord)
        {
            // One activation, and so one linked violation, per relevant record.
            var single = lhs.Pattern(typeof(UnitRecord), record.Name);
            single.Condition(Expression.Lambda(Expression.Call(relevance, IsRelevantMethod, record), record));
            single.Condition(SameUnit(record, due));
            bound = record;
            records = Expression.NewArrayInit(typeof(UnitRecord), record);
        }
        else
        {
            bound = Expression.Parameter(typeof(IEnumerable<UnitRecord>), "records");
            var aggregate = lhs.Pattern(typeof(IEnumerable<UnitRecord>), bound.Name).Aggregate();
            aggregate.Collect();
            var source = aggregate.Pattern(typeof(UnitRecord), record.Name);
            source.Condition(Expression.Lambda(Expression.Call(relevance, IsRelevantMethod, record), record));
            if (!judge.ReadsOtherUnits)
            {
                source.Condition(SameUnit(record, due));
            }

            if (judge.ReadsOnlyItsPeriod)
            {
                source.Condition(Expression.Lambda(
                    Expression.Call(record, WithinMethod, Expression.Property(due, nameof(Due.Start)), Expression.Property(due, nameof(Due.End))), record, due));
            }

            records = Expression.Call(AsCollectionMethod, bound);
        }

        var violation = Expression.Parameter(typeof(Violation), "violation");
        var verdict = lhs.Pattern(typeof(Violation), violation.Name);
        verdict.Binding().BindingExpression(Expression.Lambda(
            Expression.Call(Expression.Property(due, nameof(Due.Judge)), JudgeMethod, due, records), due, bound));
        verdict.Condition(Expression.Lambda(Expression.NotEqual(violation, Expression.Constant(null, typeof(Violation))), violation));

        var context = Expression.Parameter(typeof(IContext), "context");
        var rhs = rule.RightHandSide();
        rhs.Action(Expression.Lambda(Expression.Call(context, InsertLinkedMethod, Expression.Constant(LinkKey), violation), context, violation), ActionTrigger.Activated);
        rhs.Action(Expression.Lambda(Expression.Call(context, UpdateLinkedMethod, Expression.Constant(LinkKey), violation), context, violation), ActionTrigger.Reactivated);
        return rule.Build();
    }

    private static LambdaExpression SameUnit(ParameterExpression record, ParameterExpression due) =>
        Expression.Lambda(Expression.Equal(Expression.Property(record, nameof(UnitRecord.Unit)), Expression.Property(due, nameof(Due.Unit))), record, due);

    // A judge takes a collection; NRules' collect result is one already, so this copies only when it is not.
    private static IReadOnlyCollection<UnitRecord> AsCollection(IEnumerable<UnitRecord> records) =>
        records as IReadOnlyCollection<UnitRecord> ?? records.ToArray();
}
