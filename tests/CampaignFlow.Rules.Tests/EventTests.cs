using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class EventTests
{
    public sealed record Door(string Name);

    public sealed record Open(string Door);

    public sealed record Warning(string Door);

    [Id("open-door")]
    public sealed class OpenDoorRule : Rule
    {
        protected override void Define()
        {
            Door door = null!;
            Open open = null!;
            When().Match(() => door).Match(() => open, o => o.Door == door.Name);
            Then().Yield(_ => new Warning(door.Name));
        }
    }

    [Fact]
    public void Events_tell_the_story_of_a_match_with_its_facts()
    {
        var session = RuleCompiler.Compile(new OpenDoorRule().GetDefinition()).CreateSession();
        var log = new List<string>();
        session.Events.FactInserted += (_, e) => log.Add($"inserted {e.Fact}" + (e.Source is null ? string.Empty : $" from {e.Source.Rule.Id}"));
        session.Events.FactRetracted += (_, e) => log.Add($"retracted {e.Fact}");
        session.Events.ActivationCreated += (_, e) => log.Add($"activated {e.Match}");
        session.Events.ActivationDeleted += (_, e) => log.Add($"deactivated {e.Match.Rule.Id}");
        session.Events.RuleFired += (_, e) => log.Add($"fired {e.Match.Rule.Id} with {e.Match.Facts.Count} facts");
        var door = new Door("front");
        var open = new Open("front");

        session.Insert(door);
        session.Insert(open);
        session.Fire();
        session.Retract(open);

        log.ShouldBe(
        [
            "inserted Door { Name = front }",
            "activated open-door: door=Door { Name = front }, open=Open { Door = front }",
            "inserted Open { Door = front }",
            "inserted Warning { Door = front } from open-door",
            "fired open-door with 2 facts",
            "deactivated open-door",
            "retracted Open { Door = front }",
            "retracted Warning { Door = front }",
        ]);
    }
}
