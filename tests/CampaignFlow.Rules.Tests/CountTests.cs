using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class CountTests
{
    public sealed record Room(string Name, int Capacity);

    public sealed class Guest(string room)
    {
        public string Room { get; set; } = room;
    }

    public sealed record Crowded(string Room, int Guests);

    public sealed class CrowdedRule : Rule
    {
        protected override void Define()
        {
            Room room = null!;
            var guests = 0;
            When()
                .Match(() => room)
                .Count(() => guests, (Guest g) => g.Room == room.Name)
                .Where(() => guests > room.Capacity);
            Then().Yield(_ => new Crowded(room.Name, guests));
        }
    }

    [Fact]
    public void Count_follows_insert_update_and_retract()
    {
        var session = RuleCompiler.Compile(new CrowdedRule().GetDefinition()).CreateSession();
        var first = new Guest("hall");
        var second = new Guest("hall");
        var third = new Guest("kitchen");
        session.InsertAll([new Room("hall", 2), first, second, third]);
        session.Fire();
        session.Query<Crowded>().ShouldBeEmpty();

        third.Room = "hall";
        session.Update(third);
        session.Fire();
        session.Query<Crowded>().ShouldHaveSingleItem().Guests.ShouldBe(3);

        session.Insert(new Guest("hall"));
        session.Fire();
        session.Query<Crowded>().ShouldHaveSingleItem().Guests.ShouldBe(4);

        session.Retract(first);
        session.Retract(second);
        session.Fire();
        session.Query<Crowded>().ShouldBeEmpty();
    }
}
