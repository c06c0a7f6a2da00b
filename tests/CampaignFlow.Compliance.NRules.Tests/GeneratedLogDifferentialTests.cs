using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// Logs generated from the demo logs: records left out and records moved later (late records that resolve a
/// violation opened earlier, or come too late to), from fixed seeds so a failure reproduces.
/// </summary>
public class GeneratedLogDifferentialTests
{
    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var log in SeedLogs.Names)
        {
            foreach (var seed in new[] { 1, 2, 3, 4, 5 })
            {
                cases.Add(log, seed);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Both_engines_agree_on_a_log_with_records_dropped_and_moved_later(string log, int seed)
    {
        var ours = BothEngines.ShouldAgree(log, Generated(log, seed), null, $"{log}, seed {seed}");
        ours.History.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_generated_logs_open_change_and_resolve_violations_so_every_kind_of_change_is_compared()
    {
        var kinds = SeedLogs.Names.SelectMany(log => Enumerable.Range(1, 5).SelectMany(seed =>
            BothEngines.ShouldAgree(log, Generated(log, seed), null, $"{log}, seed {seed}").History.Select(c => c.Kind))).ToHashSet();

        kinds.ShouldBe([Sessions.ViolationChangeKind.Opened, Sessions.ViolationChangeKind.Changed, Sessions.ViolationChangeKind.Resolved], ignoreOrder: true);
    }

    private static List<UnitRecord> Generated(string log, int seed)
    {
        var random = new Random(seed);
        var records = new List<UnitRecord>();
        foreach (var record in SeedLogs.Log(log).Records)
        {
            var roll = random.NextDouble();
            if (roll < 0.25)
            {
                continue;
            }

            records.Add(roll < 0.45 ? record with { Day = record.Day.AddDays(random.Next(1, 30)) } : record);
        }

        return records;
    }
}
