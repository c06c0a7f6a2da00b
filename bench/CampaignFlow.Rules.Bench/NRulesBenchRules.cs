using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace CampaignFlow.Rules.Bench;

/// <summary>
/// The three rules of <c>ComplianceRules.cs</c>, written in NRules' rule model so both engines run the same rules on
/// the same facts. Expression parameters are named after the declarations they stand for: NRules binds them by name.
/// </summary>
public static class NRulesBenchRules
{
    public static IReadOnlyList<IRuleDefinition> All() => [WeeklyHours(), NoStudy(), NoTalk()];

    /// <summary>(a) A closed week whose study sessions sum to less than 4 hours.</summary>
    private static IRuleDefinition WeeklyHours()
    {
        var rule = Named("weekly-hours");
        var lhs = rule.LeftHandSide();
        var group = lhs.Pattern(typeof(IGrouping<(int, int), StudySession>), "week");
        var aggregate = group.Aggregate();
        Expression<Func<StudySession, (int, int)>> key = s => ValueTuple.Create(s.Unit, s.Week);
        Expression<Func<StudySession, StudySession>> element = s => s;
        aggregate.GroupBy(key, element);
        aggregate.Pattern(typeof(StudySession), "s");
        Expression<Func<IGrouping<(int, int), StudySession>, bool>> under = week => week.Sum(s => s.Hours) < 4;
        group.Condition(under);
        var closed = lhs.Pattern(typeof(WeekClosed), "closed");
        Expression<Func<WeekClosed, IGrouping<(int, int), StudySession>, bool>> sameWeek = (closed, week) => closed.Unit == week.Key.Item1 && closed.Week == week.Key.Item2;
        closed.Condition(sameWeek);
        Expression<Action<IContext, WeekClosed>> yield = (context, closed) => context.InsertLinked("v", new Violation("hours", closed.Unit, closed.Week, 0));
        rule.RightHandSide().Action(yield, ActionTrigger.Activated);
        return rule.Build();
    }

    /// <summary>(b) A closed week with no study session at all.</summary>
    private static IRuleDefinition NoStudy()
    {
        var rule = Named("no-study");
        var lhs = rule.LeftHandSide();
        lhs.Pattern(typeof(WeekClosed), "closed");
        Expression<Func<StudySession, WeekClosed, bool>> same = (s, closed) => s.Unit == closed.Unit && s.Week == closed.Week;
        lhs.Not().Pattern(typeof(StudySession), "s").Condition(same);
        Expression<Action<IContext, WeekClosed>> yield = (context, closed) => context.InsertLinked("v", new Violation("no-study", closed.Unit, closed.Week, 0));
        rule.RightHandSide().Action(yield, ActionTrigger.Activated);
        return rule.Build();
    }

    /// <summary>(c) Two leaders of the same unit with no talk between them.</summary>
    private static IRuleDefinition NoTalk()
    {
        var rule = Named("no-talk");
        var lhs = rule.LeftHandSide();
        lhs.Pattern(typeof(Leader), "a");
        Expression<Func<Leader, Leader, bool>> pair = (b, a) => b.Unit == a.Unit && b.Id > a.Id;
        lhs.Pattern(typeof(Leader), "b").Condition(pair);
        Expression<Func<Talk, Leader, Leader, bool>> talked = (t, a, b) => t.Unit == a.Unit && t.A == a.Id && t.B == b.Id;
        lhs.Not().Pattern(typeof(Talk), "t").Condition(talked);
        Expression<Action<IContext, Leader, Leader>> yield = (context, a, b) => context.InsertLinked("v", new Violation("no-talk", a.Unit, a.Id, b.Id));
        rule.RightHandSide().Action(yield, ActionTrigger.Activated);
        return rule.Build();
    }

    private static RuleBuilder Named(string name)
    {
        var rule = new RuleBuilder();
        rule.Name(name);
        return rule;
    }
}
