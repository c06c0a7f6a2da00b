using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

/// <summary>
/// Group-by with a condition on the group, a join to the group's key, a negation, and a self-join followed by a
/// negation, in one rule set, with findings kept true as facts come late.
/// </summary>
public class CombinedRulesTests
{
    public sealed record Person(string Team, int Id);

    public sealed record Shift(string Team, int Day, int Hours);

    public sealed record DayClosed(string Team, int Day);

    public sealed record Handover(string Team, int From, int To);

    public sealed record Finding(string Kind, string Team, int A, int B);

    public sealed class ShortDay : Rule
    {
        protected override void Define()
        {
            IGrouping<(string, int), Shift> day = null!;
            DayClosed closed = null!;
            When()
                .GroupBy(() => day, (Shift s) => ValueTuple.Create(s.Team, s.Day))
                .Match(() => closed, c => c.Team == day.Key.Item1 && c.Day == day.Key.Item2)
                .Where(() => day.Sum(s => s.Hours) < 8);
            Then().Yield(_ => new Finding("short", closed.Team, closed.Day, day.Sum(s => s.Hours)));
        }
    }

    public sealed class EmptyDay : Rule
    {
        protected override void Define()
        {
            DayClosed closed = null!;
            When()
                .Match(() => closed)
                .Not<Shift>(s => s.Team == closed.Team && s.Day == closed.Day);
            Then().Yield(_ => new Finding("empty", closed.Team, closed.Day, 0));
        }
    }

    public sealed class MissingHandover : Rule
    {
        protected override void Define()
        {
            Person a = null!;
            Person b = null!;
            When()
                .Match(() => a)
                .Match(() => b, p => p.Team == a.Team && p.Id > a.Id)
                .Not<Handover>(h => h.Team == a.Team && h.From == a.Id && h.To == b.Id);
            Then().Yield(_ => new Finding("handover", a.Team, a.Id, b.Id));
        }
    }

    private static ISession NewSession() =>
        RuleCompiler.Compile(new ShortDay().GetDefinition(), new EmptyDay().GetDefinition(), new MissingHandover().GetDefinition()).CreateSession();

    private static string Findings(ISession session) =>
        string.Join(" ", session.Query<Finding>().Select(f => $"{f.Kind}:{f.Team}:{f.A}:{f.B}").Order());

    [Fact]
    public void Each_rule_finds_its_own_cases_across_teams()
    {
        var session = NewSession();
        session.InsertAll(
        [
            new Person("x", 1), new Person("x", 2), new Person("x", 3), new Person("y", 1), new Person("y", 2),
            new Handover("x", 1, 2), new Handover("x", 2, 3), new Handover("y", 1, 2),
            new Shift("x", 1, 5), new Shift("x", 1, 4), new Shift("x", 2, 3), new Shift("y", 1, 8),
            new DayClosed("x", 1), new DayClosed("x", 2), new DayClosed("x", 3), new DayClosed("y", 1),
        ]);

        session.Fire();

        Findings(session).ShouldBe("empty:x:3:0 handover:x:1:3 short:x:2:3");
    }

    [Fact]
    public void Late_facts_withdraw_or_revise_the_findings_they_answer()
    {
        var session = NewSession();
        session.InsertAll([new Person("x", 1), new Person("x", 2), new DayClosed("x", 1), new Shift("x", 1, 2)]);
        session.Fire();
        Findings(session).ShouldBe("handover:x:1:2 short:x:1:2");

        session.Insert(new Shift("x", 1, 3));
        session.Fire();
        Findings(session).ShouldBe("handover:x:1:2 short:x:1:5");

        session.InsertAll([new Shift("x", 1, 3), new Handover("x", 1, 2)]);
        session.Fire();
        Findings(session).ShouldBeEmpty();

        session.Insert(new DayClosed("x", 2));
        session.Fire();
        Findings(session).ShouldBe("empty:x:2:0");
    }
}
