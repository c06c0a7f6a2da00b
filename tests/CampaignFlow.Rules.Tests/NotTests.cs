using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class NotTests
{
    public sealed record Shift(int Day);

    public sealed class Checkin(int day)
    {
        public int Day { get; set; } = day;
    }

    public sealed record Missing(int Day);

    public sealed class MissingCheckinRule : Rule
    {
        protected override void Define()
        {
            Shift shift = null!;
            When()
                .Match(() => shift)
                .Not<Checkin>(c => c.Day == shift.Day);
            Then().Yield(_ => new Missing(shift.Day));
        }
    }

    public sealed record AllClear;

    public sealed class NothingOpenRule : Rule
    {
        protected override void Define()
        {
            When().Not<Checkin>();
            Then().Yield(_ => new AllClear());
        }
    }

    private static ISession NewSession() => RuleCompiler.Compile(new MissingCheckinRule().GetDefinition()).CreateSession();

    [Fact]
    public void Not_holds_while_no_fact_matches()
    {
        var session = NewSession();
        session.InsertAll([new Shift(1), new Shift(2), new Checkin(2)]);

        session.Fire().ShouldBe(1);
        session.Query<Missing>().ShouldHaveSingleItem().Day.ShouldBe(1);
    }

    [Fact]
    public void Not_turns_false_when_a_matching_fact_arrives_and_true_when_it_leaves()
    {
        var session = NewSession();
        session.Insert(new Shift(1));
        session.Fire();
        session.Query<Missing>().Count().ShouldBe(1);

        var checkin = new Checkin(1);
        session.Insert(checkin);
        session.Query<Missing>().ShouldBeEmpty();

        session.Retract(checkin);
        session.Fire();
        session.Query<Missing>().Count().ShouldBe(1);
    }

    [Fact]
    public void Not_follows_a_fact_whose_key_changes()
    {
        var session = NewSession();
        var checkin = new Checkin(1);
        session.InsertAll([new Shift(1), new Shift(2), checkin]);
        session.Fire();
        session.Query<Missing>().Single().Day.ShouldBe(2);

        checkin.Day = 2;
        session.Update(checkin);
        session.Fire();

        session.Query<Missing>().Single().Day.ShouldBe(1);
    }

    [Fact]
    public void Not_stays_false_until_the_last_matching_fact_leaves()
    {
        var session = NewSession();
        var first = new Checkin(1);
        var second = new Checkin(1);
        session.InsertAll([new Shift(1), first, second]);

        session.Retract(first);
        session.PendingActivations.ShouldBe(0);
        session.Retract(second);
        session.PendingActivations.ShouldBe(1);
    }

    [Fact]
    public void Not_node_is_indexed_on_the_join_key()
    {
        var factory = RuleCompiler.Compile(new MissingCheckinRule().GetDefinition());

        factory.Network.Nodes.Single(n => n.Kind == NodeKind.Not).IsIndexed.ShouldBeTrue();
    }

    [Fact]
    public void Not_as_the_only_condition_holds_in_an_empty_session()
    {
        var session = RuleCompiler.Compile(new NothingOpenRule().GetDefinition()).CreateSession();
        session.Fire().ShouldBe(1);
        session.Query<AllClear>().ShouldHaveSingleItem();

        var checkin = new Checkin(1);
        session.Insert(checkin);
        session.Query<AllClear>().ShouldBeEmpty();

        session.Retract(checkin);
        session.Fire().ShouldBe(1);
        session.Query<AllClear>().ShouldHaveSingleItem();
    }
}
