using System.Linq.Expressions;
using CampaignFlow.Rules.Builder;
using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.RuleModel;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

/// <summary>
/// Alpha memories keep no record of which facts they hold: on an update or a retraction the nodes below decide. A fact
/// that changes passes some memories' conditions anew (taken as new below), fails others' (let go of), and a network of
/// many memories (more than the 64 that once had membership bits on each fact) must answer as for a fresh insert.
/// </summary>
public class ManyAlphaMemoriesTests
{
    public sealed class Reading(string sensor, int level)
    {
        public string Sensor { get; } = sensor;

        public int Level { get; set; } = level;
    }

    private const int Thresholds = 80;

    /// <summary>Query rule <c>at-least-N</c>: readings of level N or more; one alpha memory per threshold.</summary>
    private static RuleDefinition AtLeast(int threshold)
    {
        var rule = new RuleBuilder($"at-least-{threshold}");
        var reading = rule.LeftHandSide.Pattern(typeof(Reading), "reading");
        reading.Condition(
            Expression.GreaterThanOrEqual(Expression.Property(reading.Parameter, nameof(Reading.Level)), Expression.Constant(threshold)),
            reading.Parameter);
        return rule.Build();
    }

    private static ISession NewSession(out INetworkInfo network)
    {
        var factory = RuleCompiler.Compile(Enumerable.Range(1, Thresholds).Select(AtLeast).ToArray());
        network = factory.Network;
        return factory.CreateSession();
    }

    private static int[] Matched(ISession session, Reading reading) =>
        Enumerable.Range(1, Thresholds)
            .Where(t => session.Matches($"at-least-{t}").Any(m => m.Facts.Any(f => ReferenceEquals(f.Value, reading))))
            .ToArray();

    [Fact]
    public void Facts_that_come_change_and_go_are_matched_by_each_of_many_memories_as_if_inserted_afresh()
    {
        var session = NewSession(out var network);
        network.CountOf(NodeKind.AlphaMemory).ShouldBeGreaterThan(64);
        var high = new Reading("a", 75);
        var low = new Reading("b", 3);

        session.InsertAll([low]);
        session.Insert(high);
        Matched(session, high).ShouldBe(Enumerable.Range(1, 75));
        Matched(session, low).ShouldBe([1, 2, 3]);

        high.Level = 70;
        session.Update(high);
        Matched(session, high).ShouldBe(Enumerable.Range(1, 70));

        low.Level = 78;
        session.Update(low);
        Matched(session, low).ShouldBe(Enumerable.Range(1, 78));

        session.Retract(high);
        Matched(session, high).ShouldBeEmpty();
        Enumerable.Range(1, Thresholds).Sum(t => session.Matches($"at-least-{t}").Count).ShouldBe(78);
    }
}
