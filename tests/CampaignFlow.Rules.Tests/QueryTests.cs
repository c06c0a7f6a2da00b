using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class QueryTests
{
    public sealed record Room(string Name);

    public sealed class Booking(string room, int day)
    {
        public string Room { get; } = room;
        public int Day { get; set; } = day;
    }

    /// <summary>A rule without actions: a named query, kept up to date by the network.</summary>
    [Id("double-bookings")]
    public sealed class DoubleBookings : Rule
    {
        protected override void Define()
        {
            Booking first = null!;
            Booking second = null!;
            When()
                .Match(() => first)
                .Match(() => second, b => b.Room == first.Room && b.Day == first.Day && b != first);
        }
    }

    [Fact]
    public void A_rule_without_actions_answers_a_query_by_its_id()
    {
        var session = RuleCompiler.Compile(new DoubleBookings().GetDefinition()).CreateSession();
        var monday = new Booking("hall", 1);
        var clash = new Booking("hall", 1);
        session.InsertAll([monday, clash, new Booking("hall", 2), new Booking("attic", 1)]);

        var matches = session.Matches("double-bookings");

        matches.Count.ShouldBe(2, "each ordered pair");
        matches.Select(m => m["first"]).ShouldBe([monday, clash], ignoreOrder: true);
        session.PendingActivations.ShouldBe(0, "queries are never queued to fire");

        clash.Day = 3;
        session.Update(clash);
        session.Matches("double-bookings").ShouldBeEmpty();
    }

    [Fact]
    public void Querying_an_unknown_rule_says_so()
    {
        var session = RuleCompiler.Compile(new DoubleBookings().GetDefinition()).CreateSession();

        Should.Throw<KeyNotFoundException>(() => session.Matches("nope")).Message.ShouldContain("nope");
    }
}
