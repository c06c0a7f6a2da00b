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

    [Theory]
    [InlineData("panyu-ftu-2014", "类别 群团组织")]
    [InlineData("mianyang-ftu-2014", "类别 群团组织")]
    [InlineData("guangxi-ftu-2013", "类别 群团组织")]
    [InlineData("anhui-organs-2013", "类别 机关工委")]
    public void A_seed_units_kind_is_named_in_Chinese(string plan, string said)
    {
        var run = CliRun.Of("show", plan, "--lang", "zh-CN");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain(said);
    }

    [Fact]
    public void Durations_are_shown_in_hours()
    {
        var run = CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "en");
        run.Output.ShouldContain("every week: concentrated-study at least half a day (4 h)"); // PY-05
        run.Output.ShouldContain("each democratic-life-meeting lasts at least 1 day (8 h)"); // PY-15
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
        run.Output.ShouldContain("每周：集中学习不少于半天（4 小时）"); // PY-05
        run.Output.ShouldContain("专题民主生活会方案须经督导组成员审核后方可进行“专题民主生活会”"); // PY-14
        run.Output.ShouldNotContain("period-minimum");
    }

    [Fact]
    public void In_Chinese_the_frame_is_Chinese_dates_are_written_as_people_write_them_and_people_are_named()
    {
        var run = CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].ShouldBe("panyu-ftu-2014 第 1 版  番禺区总工会深入开展党的群众路线教育实践活动实施方案");
        lines[1].ShouldStartWith("单位      番禺区总工会（panyu-ftu）  类别 ");
        lines.ShouldContain("名册      11 人，1 个支部，4 个部门");
        lines.ShouldContain(l => l.StartsWith("活动时间  2014年2月1日至9月30日（共 242 天；", StringComparison.Ordinal));
        lines.ShouldContain("阶段");
        run.Output.ShouldContain("study            2014年2月11日至4月30日  学习教育、听取意见");
        run.Output.ShouldContain("— 按人员：苏治邦、陈惠民、刘晓光、王满娣、温成军", Case.Sensitive, "people by name, not roster id");
        run.Output.ShouldContain("— 按支部：区总机关支部");
        run.Output.ShouldNotContain("su-zhibang");
        lines[^2].ShouldStartWith("32 项工作，50 项要求：周期最低要求 3 项、时段内次数 20 项、");
        run.Output.ShouldContain("民主测评至少 1 次");
        run.Output.ShouldContain("动员大会须进行 1 次");
        run.Output.ShouldContain("谈心谈话在“专题民主生活会”之前进行", Case.Sensitive, "an order without 'after' names no empty side");
        foreach (var frame in new[] { "[-]", "期限 -", "= 1", "unit ", "kind ", "roster", "people", "branches", "departments", "phases", "per person", "actions", "requirements", "working day", "days;" })
        {
            run.Output.ShouldNotContain(frame, Case.Sensitive);
        }
    }

    [Fact]
    public void In_Chinese_a_template_names_the_kinds_it_applies_to_by_their_titles()
    {
        var run = CliRun.Of("show", "definitions/weidu-organs-2014.yaml", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("模板方案  适用于 区直单位、执法监管部门和窗口单位、服务行业  上级 中共魏都区委（weidu-district）");
        // A requirement per person names no one in a template: each unit's roster does.
        run.Output.ShouldContain("— 按人员（由执行该模板的各单位名册确定）");
        run.Output.ShouldNotContain("— 按人员：\n");
    }
}
