using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class ForwardChainingTests
{
    public sealed record Temperature(int Celsius);

    public sealed record Fever(int Celsius);

    public sealed record Alarm(string Reason);

    public sealed class FeverRule : Rule
    {
        protected override void Define()
        {
            Temperature t = null!;
            When().Match(() => t, x => x.Celsius >= 38);
            Then().Do(ctx => ctx.Insert(new Fever(t.Celsius)));
        }
    }

    public sealed class AlarmRule : Rule
    {
        protected override void Define()
        {
            Fever fever = null!;
            When().Match(() => fever, f => f.Celsius >= 40);
            Then().Do(ctx => ctx.Insert(new Alarm($"fever {fever.Celsius}")));
        }
    }

    public sealed class CureRule : Rule
    {
        protected override void Define()
        {
            Alarm alarm = null!;
            Temperature t = null!;
            When().Match(() => alarm).Match(() => t);
            Then().Do(ctx => ctx.Retract(t));
        }
    }

    [Fact]
    public void A_fact_inserted_by_one_rule_fires_another()
    {
        var session = RuleCompiler.Compile(new FeverRule().GetDefinition(), new AlarmRule().GetDefinition()).CreateSession();
        session.InsertAll([new Temperature(37), new Temperature(41)]);

        session.Fire().ShouldBe(2);

        session.Query<Fever>().ShouldHaveSingleItem().Celsius.ShouldBe(41);
        session.Query<Alarm>().ShouldHaveSingleItem().Reason.ShouldBe("fever 41");
    }

    [Fact]
    public void An_action_can_retract_facts_and_so_cancel_pending_matches()
    {
        var session = RuleCompiler.Compile(new FeverRule().GetDefinition(), new AlarmRule().GetDefinition(), new CureRule().GetDefinition()).CreateSession();
        var temperature = new Temperature(41);
        session.Insert(temperature);

        session.Fire();

        session.Contains(temperature).ShouldBeFalse();
        session.Query<Alarm>().Count().ShouldBe(1);
        session.PendingActivations.ShouldBe(0);
    }
}
