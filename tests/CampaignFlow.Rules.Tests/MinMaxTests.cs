using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class MinMaxTests
{
    public sealed class Reading(string sensor, int value)
    {
        public string Sensor { get; } = sensor;
        public int Value { get; set; } = value;
    }

    public sealed record Sensor(string Name);

    public sealed record Range(string Sensor, int Low, int High);

    public sealed class RangeRule : Rule
    {
        protected override void Define()
        {
            Sensor sensor = null!;
            var low = 0;
            var high = 0;
            When()
                .Match(() => sensor)
                .Min(() => low, (Reading r) => r.Value, r => r.Sensor == sensor.Name)
                .Max(() => high, (Reading r) => r.Value, r => r.Sensor == sensor.Name);
            Then().Yield(_ => new Range(sensor.Name, low, high));
        }
    }

    [Fact]
    public void Min_and_max_have_no_result_without_facts()
    {
        var session = RuleCompiler.Compile(new RangeRule().GetDefinition()).CreateSession();
        session.Insert(new Sensor("t"));

        session.Fire().ShouldBe(0);
    }

    [Fact]
    public void Min_and_max_follow_insert_update_and_retract()
    {
        var session = RuleCompiler.Compile(new RangeRule().GetDefinition()).CreateSession();
        var cold = new Reading("t", 3);
        var warm = new Reading("t", 20);
        session.InsertAll([new Sensor("t"), cold, warm, new Reading("t", 10), new Reading("other", 99)]);
        session.Fire();
        session.Query<Range>().Single().ShouldBe(new Range("t", 3, 20));

        warm.Value = 30;
        session.Update(warm);
        session.Fire();
        session.Query<Range>().Single().ShouldBe(new Range("t", 3, 30));

        session.Retract(cold);
        session.Fire();
        session.Query<Range>().Single().ShouldBe(new Range("t", 10, 30));

        session.Retract(warm);
        session.Fire();
        session.Query<Range>().Single().ShouldBe(new Range("t", 10, 10));
    }
}
