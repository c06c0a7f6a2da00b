using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

public class SimulateCommandTests
{
    [Fact]
    public void Panyu_with_its_demo_log_prints_the_four_documented_violations_and_a_count_in_a_Chinese_frame()
    {
        var run = CliRun.Of("simulate", "definitions/panyu-ftu-2014.yaml", "--activities", "definitions/activities/panyu-ftu-2014.yaml", "--lang", "zh-CN");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("2014年第10周集中学习 2 小时，少于要求的 4 小时（半天）");
        run.Output.ShouldContain("刘晓光–温成军");
        run.Output.ShouldContain("温成军：党员领导干部个人整改方案未向本支部党员公布");
        var lines = run.Output.TrimEnd().Split('\n');
        lines[0].ShouldStartWith("违反  PY-05  weekly-study:period-minimum ");
        lines[0].ShouldContain(" 2014年第10周 ", Case.Sensitive, "the period in words, not 2014-W10");
        lines.ShouldContain(l => l.Contains("mutual-talks:coverage") && l.Contains(" 2014年5月1日至7月31日 "), "a window as its days, not 'window'");
        lines.ShouldContain(l => l.Trim() == "缺少：刘晓光–温成军");
        lines[^1].ShouldBe("截至2014年9月30日（该日结束时）：违反 4 项，警告 0 项，未到期 0 项");
        foreach (var word in new[] { "violation", "warning", "missing", "pending", "window" })
        {
            run.Output.ShouldNotContain(word, Case.Insensitive);
        }
    }

    [Theory]
    [InlineData("panyu-ftu-2014", "4 violation(s), 0 warning(s), 0 pending at the end of 2014-09-30")]
    [InlineData("mianyang-ftu-2014", "5 violation(s), 0 warning(s), 0 pending at the end of 2014-09-30")]
    [InlineData("anhui-organs-2013", "3 violation(s), 0 warning(s), 0 pending at the end of 2014-01-31")]
    [InlineData("guangxi-ftu-2013", "4 violation(s), 0 warning(s), 0 pending at the end of 2014-01-31")]
    [InlineData("weidu-xiguan-street-2014", "3 violation(s), 0 warning(s), 0 pending at the end of 2014-09-30")]
    [InlineData("weidu-district-2014", "0 violation(s), 1 warning(s), 0 pending at the end of 2014-09-30")]
    public void Each_seed_plan_with_its_demo_log_ends_with_its_count(string plan, string last)
    {
        var run = CliRun.Of("simulate", $"definitions/{plan}.yaml", "--activities", $"definitions/activities/{plan}.yaml");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.TrimEnd().Split('\n')[^1].ShouldBe(last);
    }

    [Theory]
    [InlineData("definitions/weidu-streets-2014.yaml", "weidu-xida-street", "3 violation(s), 1 warning(s), 0 pending at the end of 2014-09-30")]
    [InlineData("definitions/weidu-grassroots-2014.yaml", "weidu-chunqiu-community", "0 violation(s), 1 warning(s), 0 pending at the end of 2014-09-30")]
    [InlineData("definitions/weidu-organs-2014.yaml", "weidu-court", "1 violation(s), 1 warning(s), 0 pending at the end of 2014-09-30")]
    // 东大街道's line names its roster: it runs the plan generated for it, found by id; each leader's contact point counted.
    [InlineData("weidu-dongda-street-2014", "weidu-dongda-street", "0 violation(s), 1 warning(s), 0 pending at the end of 2014-09-30")]
    public void A_units_log_on_a_template_is_that_units_and_ends_with_the_documented_count(string plan, string unit, string last)
    {
        var run = CliRun.Of("simulate", plan, "--activities", $"definitions/activities/units/{unit}.yaml");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.TrimEnd().Split('\n')[^1].ShouldBe(last, "definitions/activities/README.md");
    }

    [Fact]
    public void A_log_saved_in_GBK_is_refused_at_its_first_foreign_byte()
    {
        // The seed log with its first 半天 in GBK: it was read with U+FFFD and judged.
        var seed = File.ReadAllBytes(Repository.Path("definitions", "activities", "panyu-ftu-2014.yaml"));
        var halfDay = System.Text.Encoding.UTF8.GetBytes("半天");
        var at = seed.AsSpan().IndexOf(halfDay);
        at.ShouldBeGreaterThan(0);
        var log = Path.Combine(Path.GetTempPath(), "cf-log-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllBytes(log, [.. seed[..at], 0xB0, 0xEB, 0xCC, 0xEC, .. seed[(at + halfDay.Length)..]]);
        var before = System.Text.Encoding.UTF8.GetString(seed[..at]);
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - before.LastIndexOf('\n');

        var run = CliRun.Of("simulate", "definitions/panyu-ftu-2014.yaml", "--activities", log, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldStartWith($"{log}:{line}:{column}: ");
        run.Error.ShouldContain("file-not-utf8");
        run.Output.ShouldNotContain("\uFFFD");
    }

    [Fact]
    public void A_log_naming_another_unit_than_a_units_own_plan_is_refused_at_its_line()
    {
        var log = Path.Combine(Path.GetTempPath(), "cf-log-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(log, "plan: panyu-ftu-2014\nunit: mianyang-ftu\nrecords: []\n");

        var run = CliRun.Of("simulate", "definitions/panyu-ftu-2014.yaml", "--activities", log);

        run.ExitCode.ShouldNotBe(0);
        (run.Output + run.Error).ShouldContain(":2:7: error log-for-another-unit");
    }

    [Fact]
    public void Simulating_up_to_a_day_leaves_later_periods_pending()
    {
        var run = CliRun.Of("simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml", "--at", "2014-03-31", "--lang", "en");
        run.ExitCode.ShouldBe(0, run.Error);
        var last = run.Output.TrimEnd().Split('\n')[^1];
        last.ShouldStartWith("1 violation(s), 0 warning(s), ");
        last.ShouldEndWith(" pending at the end of 2014-03-31");
    }

    [Theory]
    [InlineData("en", " pending at the end of 2014-03-20")]
    [InlineData("zh-CN", "截至2014年3月20日（该日结束时）：")]
    public void At_a_day_says_that_day_not_the_next(string lang, string said)
    {
        // The simulation stops at 00:00 of 2014-03-21, after the last day it counts; what it says is that day.
        var run = CliRun.Of("simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml", "--at", "2014-03-20", "--lang", lang);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain(said);
        run.Output.ShouldNotContain("03-21");
        run.Output.ShouldNotContain("3月21日");
    }

    [Theory]
    [InlineData("en", "--at '2014-02-30' is not a day: write 2014-06-30.")]
    [InlineData("zh-CN", "--at：“2014-02-30”不是有效的日期，请写成 2014-06-30 的形式。")]
    public void A_day_that_does_not_exist_is_a_usage_error_in_the_readers_language(string lang, string message)
    {
        var run = CliRun.Of("simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml", "--at", "2014-02-30", "--lang", lang);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe(message);
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public void A_log_with_an_unknown_person_is_refused_at_its_line_and_column()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cf-log-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "plan: panyu-ftu-2014\nrecords:\n  - { key: s1, activity: concentrated-study, on: 2014-02-14, participants: [nobody] }\n");
        var run = CliRun.Of("simulate", "panyu-ftu-2014", "--activities", file, "--lang", "en");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"{file}:3:77: error unknown-person: nobody in the roster has the id 'nobody'");
    }
}
