using System.Text.Json;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>simulate</c> says what resolved on the way and by which records (issue 17, item 4): 魏都区委's campaign ends
/// without records, and a justified exception for its 3个月 of concentrated education, recorded a week after the
/// campaign, closes the warning; the table names it under the warning, the JSON in the resolved step's shape.
/// </summary>
public sealed class SimulateResolvedTests : IDisposable
{
    private readonly string _log = Path.Combine(Path.GetTempPath(), "cf-late-exception-" + Guid.NewGuid().ToString("N") + ".yaml");

    public SimulateResolvedTests() => File.WriteAllText(_log, """
        plan: weidu-district-2014
        unit: weidu-district
        records:
          - { key: span-exception, exception: concentrated-education-span, on: 2014-10-08, justification: 经区委同意，集中教育压缩为两个半月 }
        """);

    [Fact]
    public void The_table_names_the_record_that_resolved_the_warning_and_the_day_in_Chinese()
    {
        var run = CliRun.Of("simulate", "weidu-district-2014", "--activities", _log, "--at", "2014-10-10", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd()).ToArray();
        var at = Array.FindIndex(lines, l => l.StartsWith("已整改", StringComparison.Ordinal));
        at.ShouldBeGreaterThanOrEqualTo(0, run.Output);
        lines[at].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1].ShouldBe("concentrated-education-span:total-span");
        lines[at + 1].Trim().ShouldBe("2014年10月8日由记录 span-exception 整改");
    }

    [Fact]
    public void Json_lists_the_resolved_violation_with_its_records_and_the_evidence_after_them()
    {
        var run = CliRun.Of("simulate", "weidu-district-2014", "--activities", _log, "--at", "2014-10-10", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var resolved = document.RootElement.GetProperty("resolved").EnumerateArray().ShouldHaveSingleItem();
        resolved.GetProperty("records").EnumerateArray().Select(r => r.GetString()).ShouldBe(["span-exception"]);
        resolved.GetProperty("resolvedAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2014, 10, 8, 0, 0, 0, TimeSpan.FromHours(8)));
        var violation = resolved.GetProperty("violation");
        violation.GetProperty("status").GetString().ShouldBe("resolved");
        violation.GetProperty("severity").GetString().ShouldBe("soft");
        violation.GetProperty("openedAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2014, 10, 8, 0, 0, 0, TimeSpan.FromHours(8)), "the simulation's clock goes from record to record: the closed window is judged as the late record's day begins");
        resolved.GetProperty("evidence").GetProperty("missing").GetArrayLength().ShouldBe(0);
        document.RootElement.GetProperty("violations").EnumerateArray().ShouldNotContain(v => v.GetProperty("requirementId").GetString() == "concentrated-education-span:total-span");
    }

    public void Dispose() => File.Delete(_log);
}
