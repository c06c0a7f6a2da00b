using System.Text.Json;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>show</c> and <c>diff</c> name the holidays a plan's working days follow: the holidays file (its own or its body's),
/// the holidays in its campaign with their 调休 days, how a week nobody works in is judged, and changes to any of them.
/// </summary>
public sealed class HolidaysShownTests
{
    private const string Plan = "panyu-ftu-2014.yaml";
    private const string Roster = "panyu-ftu.roster.yaml";

    [Fact]
    public void Show_names_the_holidays_file_the_holidays_in_the_campaign_and_holiday_weeks_in_Chinese()
    {
        var run = CliRun.Of("show", "definitions/panyu-ftu-2014.yaml", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        var line = run.Output.Split('\n').Single(l => l.StartsWith("节假日", StringComparison.Ordinal)).TrimEnd();
        line.ShouldStartWith("节假日    calendar/china.holidays.yaml（2013、2014年）；活动期间：春节2014年1月31日至2月6日（2014年1月26日、2014年2月8日上班）、");
        line.ShouldContain("、劳动节2014年5月1日至5月3日（2014年5月4日上班）、");
        line.ShouldEndWith("；全为假日的周：不作要求");
        line.ShouldNotContain("元旦", Case.Sensitive, "1 January 2014 is before 番禺's campaign");
    }

    [Fact]
    public void A_template_shows_the_holidays_of_the_body_it_inherits_and_counts_holiday_weeks_by_default()
    {
        var run = CliRun.Of("show", "definitions/weidu-organs-2014.yaml", "--lang", "en");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("holidays  calendar/china.holidays.yaml (2013, 2014); in the campaign: ");
        run.Output.ShouldContain("国庆节 2014-10-01 to 2014-10-07 (worked instead: 2014-09-28, 2014-10-11)");
        run.Output.ShouldContain("; a week nobody works in: counted");
    }

    [Fact]
    public void Diff_names_a_moved_make_up_day_an_added_holiday_and_a_changed_holiday_week_rule()
    {
        var plan = File.ReadAllText(Repository.Path("definitions", Plan));
        var holidays = File.ReadAllText(Repository.Path("definitions", "calendar", "china.holidays.yaml"));
        var before = Copy("a", plan, holidays);
        var movedDay = holidays.Replace("{ name: 国庆节, off: 10月1日至7日, workdays: [9月28日, 10月11日] }", "{ name: 国庆节, off: 10月1日至7日, workdays: [9月28日] }", StringComparison.Ordinal)
            .Replace("      - { name: 国庆节, off: 10月1日至7日, workdays: [9月28日] }", "      - { name: 国庆节, off: 10月1日至7日, workdays: [9月28日] }\n      - { name: 建区纪念日, off: 6月18日 }", StringComparison.Ordinal);
        movedDay.ShouldNotBe(holidays);
        var after = Copy("b", plan.Replace("holidayWeeks: skipped", "holidayWeeks: counted", StringComparison.Ordinal), movedDay);

        var run = CliRun.Of("diff", before, after, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("~ 节假日变更：国庆节2014年10月1日至10月7日（2014年9月28日、2014年10月11日上班） → 国庆节2014年10月1日至10月7日（2014年9月28日上班）");
        run.Output.ShouldContain("+ 新增节假日：建区纪念日2014年6月18日");
        run.Output.ShouldContain("~ 全为假日的周：不作要求 → 照常计入（每周要求随之改变）");

        var json = CliRun.Of("diff", before, after, "--format", "json");
        using var document = JsonDocument.Parse(json.Output);
        var changes = document.RootElement.GetProperty("changes").EnumerateArray().ToArray();
        var added = changes.Single(c => c.GetProperty("id").GetString() == "2014/建区纪念日");
        (added.GetProperty("change").GetString(), added.GetProperty("subject").GetString(), added.GetProperty("after").GetString()).ShouldBe(("added", "holiday", "2014-06-18..2014-06-18"));
        changes.Single(c => c.GetProperty("id").GetString() == "2014/国庆节").GetProperty("change").GetString().ShouldBe("changed");
    }

    [Fact]
    public void Diff_names_a_plan_that_stops_naming_its_holidays_file()
    {
        var plan = File.ReadAllText(Repository.Path("definitions", Plan));
        var holidays = File.ReadAllText(Repository.Path("definitions", "calendar", "china.holidays.yaml"));
        var without = plan.Replace("  holidays: calendar/china.holidays.yaml", "", StringComparison.Ordinal);
        without.ShouldNotBe(plan);

        var run = CliRun.Of("diff", Copy("c", plan, holidays), Copy("d", without, holidays), "--lang", "en");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("holidays file: calendar/china.holidays.yaml → - (working days follow the new one)");
        run.Output.ShouldContain("holiday removed: 春节 2014-01-31 to 2014-02-06 (worked instead: 2014-01-26, 2014-02-08)");
    }

    private static string Copy(string name, string plan, string holidays)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-holidays-" + name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "calendar"));
        File.WriteAllText(Path.Combine(folder, Roster), File.ReadAllText(Repository.Path("definitions", Roster)));
        File.WriteAllText(Path.Combine(folder, "calendar", "china.holidays.yaml"), holidays);
        var path = Path.Combine(folder, Plan);
        File.WriteAllText(path, plan);
        return path;
    }
}
