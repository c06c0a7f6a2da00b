using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class PriorityTests
{
    public sealed record Signal(int N);

    public sealed class Log
    {
        public List<string> Entries { get; } = [];
    }

    [Priority(10)]
    public sealed class Urgent : Rule
    {
        protected override void Define()
        {
            Signal signal = null!;
            Log log = null!;
            When().Match(() => signal).Match(() => log);
            Then().Do(_ => log.Entries.Add($"urgent {signal.N}"));
        }
    }

    [Priority(-5)]
    public sealed class Late : Rule
    {
        protected override void Define()
        {
            Signal signal = null!;
            Log log = null!;
            When().Match(() => signal).Match(() => log);
            Then().Do(_ => log.Entries.Add($"late {signal.N}"));
        }
    }

    public sealed class Normal : Rule
    {
        protected override void Define()
        {
            Signal signal = null!;
            Log log = null!;
            When().Match(() => signal).Match(() => log);
            Then().Do(_ => log.Entries.Add($"normal {signal.N}"));
        }
    }

    private static ISession NewSession() =>
        RuleCompiler.Compile([new Late().GetDefinition(), new Normal().GetDefinition(), new Urgent().GetDefinition()]).CreateSession();

    [Fact]
    public void Higher_priority_fires_first_then_the_most_recent_match()
    {
        var session = NewSession();
        var log = new Log();
        session.InsertAll([log, new Signal(1), new Signal(2)]);

        session.Fire().ShouldBe(6);

        log.Entries.ShouldBe(["urgent 2", "urgent 1", "normal 2", "normal 1", "late 2", "late 1"]);
    }

    [Fact]
    public void Fire_stops_at_the_maximum()
    {
        var session = NewSession();
        var log = new Log();
        session.InsertAll([log, new Signal(1)]);

        session.Fire(2).ShouldBe(2);
        log.Entries.ShouldBe(["urgent 1", "normal 1"]);
        session.PendingActivations.ShouldBe(1);
        session.Fire().ShouldBe(1);
    }
}
