using System.Linq.Expressions;
using CampaignFlow.Rules.Builder;
using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.RuleModel;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

/// <summary>
/// The same weekly rule built twice, once with the DSL and once from data (as a YAML loader would): a closed
/// week joined to the records of the same key, summed, with a condition on the sum, yielding a linked finding.
/// </summary>
public class BuilderEquivalenceTests
{
    public sealed record Week(string Key, int Number);

    public sealed class Record(string key, int week, double hours)
    {
        public string Key { get; } = key;
        public int Week { get; } = week;
        public double Hours { get; set; } = hours;
    }

    public sealed record Holiday(string Key, int Week);

    public sealed record Finding(string Rule, string Key, int Week, double Hours);

    [Id("short-week")]
    [Priority(3)]
    [Tag("weekly")]
    public sealed class ShortWeekRule : Rule
    {
        protected override void Define()
        {
            Week week = null!;
            double hours = 0;
            When()
                .Match(() => week)
                .Not<Holiday>(h => h.Key == week.Key && h.Week == week.Number)
                .Sum(() => hours, (Record r) => r.Hours, r => r.Key == week.Key && r.Week == week.Number)
                .Where(() => hours < 4);
            Then().Yield(ctx => new Finding(ctx.Rule.Id, week.Key, week.Number, hours));
        }
    }

    /// <summary>What a rule loader does with <c>{ fact: Week, not: Holiday on [Key, Week], sum: Record.Hours on [Key, Week], below: 4 }</c>.</summary>
    private static RuleDefinition FromData(Type factType, Type absenceType, Type recordType, string valueMember, double threshold)
    {
        var rule = new RuleBuilder("short-week").Priority(3).Tags("weekly");
        var week = rule.LeftHandSide.Pattern(factType, "week");

        var holiday = rule.LeftHandSide.Not(absenceType, "holiday");
        holiday.Equal("Key", week.Declaration, "Key").Equal("Week", week.Declaration, "Number");

        var sum = rule.LeftHandSide.Aggregate(AggregateKind.Sum, "hours", recordType, "record").Selector(valueMember);
        sum.Source.Equal("Key", week.Declaration, "Key").Equal("Week", week.Declaration, "Number");
        var hours = sum.Result.ToParameter();
        sum.Where(Expression.LessThan(hours, Expression.Constant(threshold)), hours);

        var context = rule.RightHandSide.Context;
        var w = week.Declaration.ToParameter();
        rule.RightHandSide.Yield(Expression.Lambda(
            Expression.New(
                typeof(Finding).GetConstructors()[0],
                Expression.Property(Expression.Property(context, nameof(IContext.Rule)), nameof(RuleDefinition.Id)),
                Expression.PropertyOrField(w, "Key"),
                Expression.PropertyOrField(w, "Number"),
                hours),
            context,
            w,
            hours));
        return rule.Build();
    }

    private static List<Finding> Run(RuleDefinition rule)
    {
        var session = RuleCompiler.Compile(rule).CreateSession();
        var growing = new Record("a", 2, 1);
        var holiday = new Holiday("b", 1);
        session.InsertAll([new Week("a", 1), new Week("a", 2), new Week("b", 1), new Week("b", 2), holiday]);
        session.InsertAll([new Record("a", 1, 3), new Record("a", 1, 2), growing, new Record("b", 1, 1), new Record("b", 2, 3.5)]);
        session.Fire();
        var findings = session.Query<Finding>().ToList();

        growing.Hours = 5;
        session.Update(growing);
        session.Retract(holiday);
        session.Fire();
        findings.AddRange(session.Query<Finding>());
        return findings.OrderBy(f => f.ToString()).ToList();
    }

    [Fact]
    public void Both_ways_build_rules_with_the_same_metadata_and_shape()
    {
        var dsl = new ShortWeekRule().GetDefinition();
        var data = FromData(typeof(Week), typeof(Holiday), typeof(Record), nameof(Record.Hours), 4);

        data.Id.ShouldBe(dsl.Id);
        data.Priority.ShouldBe(dsl.Priority);
        data.Tags.ShouldBe(dsl.Tags);
        data.Conditions.Select(e => e.GetType()).ShouldBe(dsl.Conditions.Select(e => e.GetType()).Where(t => t != typeof(FilterElement)));
        RuleCompiler.Compile(data).Network.Nodes.Select(n => (n.Kind, n.IsIndexed))
            .ShouldBe(RuleCompiler.Compile(dsl).Network.Nodes.Select(n => (n.Kind, n.IsIndexed)));
    }

    [Fact]
    public void Both_ways_build_rules_that_behave_the_same()
    {
        var fromDsl = Run(new ShortWeekRule().GetDefinition());
        var fromData = Run(FromData(typeof(Week), typeof(Holiday), typeof(Record), nameof(Record.Hours), 4));

        fromDsl.ShouldBe(
        [
            new Finding("short-week", "a", 2, 1),
            new Finding("short-week", "b", 2, 3.5),
            new Finding("short-week", "b", 1, 1),
            new Finding("short-week", "b", 2, 3.5),
        ],
        ignoreOrder: true);
        fromData.ShouldBe(fromDsl);
    }

    [Fact]
    public void A_rule_from_data_can_yield_through_a_delegate_that_reads_the_match()
    {
        var rule = new RuleBuilder("empty-week").Description("A week without records");
        var week = rule.LeftHandSide.Pattern(typeof(Week), "week");
        rule.LeftHandSide.Not(typeof(Record), "record").Equal("Key", week.Declaration, "Key").Equal("Week", week.Declaration, "Number");
        rule.RightHandSide.Yield(ctx =>
        {
            var w = (Week)ctx.Match["week"];
            return new Finding(ctx.Rule.Id, w.Key, w.Number, 0);
        });
        var session = RuleCompiler.Compile(rule.Build()).CreateSession();

        session.InsertAll([new Week("a", 1), new Week("a", 2), new Record("a", 2, 1)]);
        session.Fire();

        session.Query<Finding>().ShouldHaveSingleItem().ShouldBe(new Finding("empty-week", "a", 1, 0));
        RuleCompiler.Compile(rule.Build()).Rules.Single().Description.ShouldBe("A week without records");
    }
}
