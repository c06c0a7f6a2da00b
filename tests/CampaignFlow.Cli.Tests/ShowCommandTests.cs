namespace CampaignFlow.Cli.Tests;

public class ShowCommandTests
{
    [Fact]
    public void Panyu_prints_its_three_phases_as_iso_dates()
    {
        var run = CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "en");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("2014-02-11..2014-04-30  学习教育、听取意见");
        run.Output.ShouldContain("2014-05-01..2014-07-31  查摆问题、开展批评");
        run.Output.ShouldContain("2014-08-01..2014-09-30  整改落实、建章立制");
    }

    [Fact]
    public void Durations_are_shown_in_hours()
    {
        var run = CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "en");
        run.Output.ShouldContain("every week: concentrated-study at least 半天 (4 h)"); // PY-05
        run.Output.ShouldContain("each democratic-life-meeting lasts at least 1天 (8 h)"); // PY-15
    }

    [Fact]
    public void A_plan_can_be_named_by_its_id()
    {
        var run = CliRun.Of("show", "mianyang-ftu-2014", "--lang", "en");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("mianyang-ftu-2014 v1");
    }

    [Fact]
    public void A_template_is_shown_with_its_body_and_kinds_not_as_a_unit_named_after_it()
    {
        var run = CliRun.Of("show", "definitions/weidu-organs-2014.yaml", "--lang", "en");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldNotContain("unit      weidu-organs-2014", Case.Sensitive, "a template's unit is a stand-in, no unit");
        run.Output.ShouldContain("template  for district-organs, law-enforcement-windows  under weidu-district");
    }

    [Fact]
    public void An_unknown_plan_is_a_clear_error()
    {
        var run = CliRun.Of("show", "no-such-plan", "--lang", "en");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("no plan 'no-such-plan'");
    }

    [Fact]
    public void In_Chinese_kinds_and_activities_are_named_as_the_seed_names_them()
    {
        var run = CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "zh-CN");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("周期最低要求");
        run.Output.ShouldContain("每周：集中学习 不少于 半天（4 h）"); // PY-05
        run.Output.ShouldContain("专题民主生活会方案 须经 督导组成员 审核"); // PY-14
        run.Output.ShouldNotContain("period-minimum");
    }
}
