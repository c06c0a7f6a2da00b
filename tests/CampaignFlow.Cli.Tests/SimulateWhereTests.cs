using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>simulate</c> on 绵阳's demo log with 李明华's research trip recorded at the federation's own offices (issue 18,
/// item 6): the violation and the explanation name the part of MY-17's <c>where</c> the trip failed.
/// </summary>
public sealed class SimulateWhereTests
{
    private const string Failed = "place: city-ftu-office → any(kind: township ≠ organ | kind: street ≠ organ | kind: community ≠ organ)";

    [Fact]
    public void The_violation_and_the_explanation_name_the_failing_part_of_the_condition_in_Chinese()
    {
        var log = ChangedLog();

        var run = CliRun.Of("simulate", "mianyang-ftu-2014", "--activities", log, "--lang", "zh-CN");
        run.Output.ShouldContain("不符合条件的 1 次：trip-li（2014年4月21日）" + Failed);

        var explained = CliRun.Of("simulate", "mianyang-ftu-2014", "--activities", log, "--explain", "research-trip:count-in-window", "--lang", "zh-CN");
        explained.ExitCode.ShouldBe(0, explained.Error);
        explained.Output.Split('\n', StringSplitOptions.TrimEntries).ShouldContain("✗ trip-li　2014年4月21日　未计入：不符合条件 " + Failed);
    }

    private static string ChangedLog()
    {
        var text = File.ReadAllText(Repository.Path("definitions", "activities", "mianyang-ftu-2014.yaml"));
        var line = text.Split('\n').Single(l => l.Contains("key: trip-li,", StringComparison.Ordinal));
        var folder = Path.Combine(Path.GetTempPath(), "cf-where-log-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "mianyang-ftu-2014.yaml");
        File.WriteAllText(path, text.Replace(line, line.Replace("chengjiao-street", "city-ftu-office", StringComparison.Ordinal), StringComparison.Ordinal));
        return path;
    }
}
