namespace CampaignFlow.Cli.Tests;

public class SimulateCommandTests
{
    [Fact]
    public void Panyu_with_its_demo_log_prints_the_four_documented_violations_and_a_count()
    {
        var run = CliRun.Of("simulate", "definitions/panyu-ftu-2014.yaml", "--activities", "definitions/activities/panyu-ftu-2014.yaml", "--lang", "zh-CN");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("2014年第10周集中学习 2 小时，少于要求的 4 小时（半天）");
        run.Output.ShouldContain("刘晓光–温成军");
        run.Output.ShouldContain("温成军：党员领导干部个人整改方案未向本支部党员公布");
        run.Output.TrimEnd().Split('\n')[^1].ShouldBe("4 violation(s), 0 warning(s), 0 pending at 2014-10-01");
    }

    [Theory]
    [InlineData("panyu-ftu-2014", "4 violation(s), 0 warning(s), 0 pending at 2014-10-01")]
    [InlineData("mianyang-ftu-2014", "5 violation(s), 0 warning(s), 0 pending at 2014-10-01")]
    [InlineData("anhui-organs-2013", "3 violation(s), 0 warning(s), 0 pending at 2014-02-01")]
    [InlineData("guangxi-ftu-2013", "4 violation(s), 0 warning(s), 0 pending at 2014-02-01")]
    [InlineData("weidu-xiguan-street-2014", "3 violation(s), 0 warning(s), 0 pending at 2014-10-01")]
    [InlineData("weidu-district-2014", "0 violation(s), 1 warning(s), 0 pending at 2014-10-01")]
    public void Each_seed_plan_with_its_demo_log_ends_with_its_count(string plan, string last)
    {
        var run = CliRun.Of("simulate", $"definitions/{plan}.yaml", "--activities", $"definitions/activities/{plan}.yaml");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.TrimEnd().Split('\n')[^1].ShouldBe(last);
    }

    [Theory]
    [InlineData("weidu-streets-2014", "weidu-dongda-street", "0 violation(s), 1 warning(s), 0 pending at 2014-10-01")]
    [InlineData("weidu-streets-2014", "weidu-xida-street", "3 violation(s), 1 warning(s), 0 pending at 2014-10-01")]
    [InlineData("weidu-grassroots-2014", "weidu-chunqiu-community", "0 violation(s), 1 warning(s), 0 pending at 2014-10-01")]
    [InlineData("weidu-organs-2014", "weidu-court", "1 violation(s), 1 warning(s), 0 pending at 2014-10-01")]
    public void A_units_log_on_a_template_is_that_units_and_ends_with_the_documented_count(string template, string unit, string last)
    {
        var run = CliRun.Of("simulate", $"definitions/{template}.yaml", "--activities", $"definitions/activities/units/{unit}.yaml");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.TrimEnd().Split('\n')[^1].ShouldBe(last, "definitions/activities/README.md");
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
        last.ShouldEndWith(" pending at 2014-04-01");
    }

    [Fact]
    public void Csv_and_json_formats_carry_the_same_violations()
    {
        var csv = CliRun.Of("simulate", "mianyang-ftu-2014", "--activities", "definitions/activities/mianyang-ftu-2014.yaml", "--format", "csv");
        csv.Output.Split('\n').Count(l => l.StartsWith("mianyang-ftu/", StringComparison.Ordinal)).ShouldBe(5);

        var json = CliRun.Of("simulate", "mianyang-ftu-2014", "--activities", "definitions/activities/mianyang-ftu-2014.yaml", "--format", "json");
        var document = System.Text.Json.JsonDocument.Parse(json.Output[..json.Output.LastIndexOf('}')].TrimEnd() + "}");
        document.RootElement.GetProperty("violations").GetArrayLength().ShouldBe(5);
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
