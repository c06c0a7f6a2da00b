using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class ExistsTests
{
    public sealed record Team(string Name);

    public sealed record Member(string Team);

    public sealed record Staffed(string Team);

    public sealed class StaffedRule : Rule
    {
        protected override void Define()
        {
            Team team = null!;
            When()
                .Match(() => team)
                .Exists<Member>(m => m.Team == team.Name);
            Then().Yield(_ => new Staffed(team.Name));
        }
    }

    [Fact]
    public void Exists_matches_once_however_many_facts_match()
    {
        var session = RuleCompiler.Compile(new StaffedRule().GetDefinition()).CreateSession();
        session.InsertAll([new Team("a"), new Team("b"), new Member("a"), new Member("a"), new Member("a")]);

        session.Fire().ShouldBe(1);
        session.Query<Staffed>().ShouldHaveSingleItem().Team.ShouldBe("a");
    }

    [Fact]
    public void Exists_turns_false_when_the_last_matching_fact_leaves()
    {
        var session = RuleCompiler.Compile(new StaffedRule().GetDefinition()).CreateSession();
        var first = new Member("a");
        var second = new Member("a");
        session.InsertAll([new Team("a"), first, second]);
        session.Fire();

        session.Retract(first);
        session.Query<Staffed>().Count().ShouldBe(1);
        session.Retract(second);
        session.Query<Staffed>().ShouldBeEmpty();
    }
}
