using System.Text.Json;

namespace CampaignFlow.Cli.Tests;

/// <summary><c>simulate --explain</c>: why 番禺区总工会's PY-05 is violated in week 10, met in week 9, pending in week 11.</summary>
public sealed class SimulateExplainTests
{
    private static readonly string[] Simulate = ["simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml"];

    [Fact]
    public void Each_week_is_met_violated_or_pending_with_its_records_in_Chinese()
    {
        var run = CliRun.Of([.. Simulate, "--explain", "weekly-study", "--at", "2014-03-12", "--lang", "zh-CN"]);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("weekly-study:period-minimum：每周：集中学习不少于半天（4 小时）");
        lines.ShouldContain("2014年第9周（2014年2月24日至3月2日）：已满足");
        lines.ShouldContain(l => l.StartsWith("2014年第10周（2014年3月3日至3月9日）：违反——", StringComparison.Ordinal));
        lines.ShouldContain("✓ study-2014-w10　2014年3月7日　计入");
        lines.ShouldContain("2014年第11周（2014年3月10日至3月16日）：未到期，尚未判定");
    }

    // A requirement over its phase's window has the period id 'window': Chinese says its days, not the id.
    [Fact]
    public void A_window_is_said_by_its_days_in_Chinese_and_by_its_id_in_English()
    {
        string[] xiguan = ["simulate", "weidu-xiguan-street-2014", "--activities", "definitions/activities/weidu-xiguan-street-2014.yaml", "--explain", "base-visits"];

        var chinese = CliRun.Of([.. xiguan, "--lang", "zh-CN"]);
        var english = CliRun.Of([.. xiguan, "--lang", "en"]);

        chinese.ExitCode.ShouldBe(0, chinese.Error);
        chinese.Output.ShouldNotContain("window（");
        chinese.Output.Split('\n').ShouldContain(l => l.TrimStart().StartsWith("2014年3月11日至5月31日：", StringComparison.Ordinal), chinese.Output);
        english.ExitCode.ShouldBe(0, english.Error);
        english.Output.Split('\n').ShouldContain(l => l.TrimStart().StartsWith("window (2014-03-11..2014-05-31): ", StringComparison.Ordinal), english.Output);
    }

    [Fact]
    public void Json_gives_each_period_and_record_for_tools()
    {
        var run = CliRun.Of([.. Simulate, "--explain", "weekly-study:period-minimum", "--format", "json"]);

        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var explanation = document.RootElement.EnumerateArray().ShouldHaveSingleItem();
        var w10 = explanation.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2014-W10");
        w10.GetProperty("status").GetString().ShouldBe("violated");
        w10.GetProperty("records").EnumerateArray().Single().GetProperty("outcome").GetString().ShouldBe("counted");
        explanation.GetProperty("periods").EnumerateArray().Count(p => p.GetProperty("status").GetString() == "violated").ShouldBe(1);
    }

    [Theory]
    [InlineData("no-such-action", "en", "the plan has no requirement 'no-such-action'")]
    [InlineData("no-such-action", "zh-CN", "方案中没有要求“no-such-action”")]
    public void An_unknown_requirement_is_a_usage_error_listing_the_plans(string asked, string lang, string message)
    {
        var run = CliRun.Of([.. Simulate, "--explain", asked, "--lang", lang]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
        run.Error.ShouldContain("weekly-study:period-minimum");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public void A_day_no_campaign_can_have_is_a_usage_error_not_a_fault()
    {
        var run = CliRun.Of([.. Simulate, "--explain", "weekly-study", "--at", "9999-12-31", "--lang", "en"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldNotContain("fault");
    }

    [Fact]
    public void Csv_is_refused_for_an_explanation()
    {
        var run = CliRun.Of([.. Simulate, "--explain", "weekly-study", "--format", "csv", "--lang", "en"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--explain prints a table or JSON");
    }
}
