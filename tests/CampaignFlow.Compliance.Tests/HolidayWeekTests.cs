using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A weekly minimum over a week nobody works in (issue 18, item 7), per plan: 番禺's 每周集中学习时间不少于半天
/// (PY-05) over its campaign from 1 February 2014, whose first days, Saturday 1 and Sunday 2 February, are 春节.
/// <c>holidayWeeks: skipped</c> asks nothing of that week; <c>counted</c> (the default) judges it like any other.
/// </summary>
public sealed class HolidayWeekTests
{
    private const string Weekly = "weekly-study:period-minimum";

    private static string Plan(string holidayWeeks) => $$"""
        plan: weekly-2014
        title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: panyu-ftu, name: 番禺区总工会 }
        campaign: { year: 2014, window: 2月-9月 }
        calendar: { holidays: calendar/china.holidays.yaml{{holidayWeeks}} }
        activities:
          concentrated-study: 集中学习
        phases:
          - id: study
            title: 学习教育、听取意见
            window: 2月-2月下旬
            actions:
              - { id: weekly-study, title: 每周集中学习, activity: concentrated-study, every: week, atLeast: 半天 }
        """;

    private static ResolvedPlan Load(string holidayWeeks)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-holiday-weeks-" + Guid.NewGuid().ToString("N"));
        Repository.CopyHolidays(folder);
        File.WriteAllText(Path.Combine(folder, "weekly.yaml"), Plan(holidayWeeks));
        var catalog = PlanCatalog.Load([folder]);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        return catalog.Plans["weekly-2014"];
    }

    // Half a day of study in each week from the first after 春节: 3–9, 10–16, 17–23 and 24–28 February.
    private static readonly UnitRecord[] Studies =
        [.. new[] { 7, 14, 21, 28 }.Select(day => new ActivityRecord($"study-02-{day:00}", "panyu-ftu", new DateOnly(2014, 2, day), "concentrated-study") { Hours = 4 })];

    [Fact]
    public void Skipped_the_spring_festival_week_asks_nothing_and_the_others_are_met()
    {
        var result = Simulator.Run(Load(", holidayWeeks: skipped"), Studies);

        result.Violations.ShouldNotContain(v => v.RequirementId == Weekly);
    }

    [Fact]
    public void Counted_the_spring_festival_week_is_judged_like_any_other()
    {
        var violation = Simulator.Run(Load(""), Studies).Violations.Single(v => v.RequirementId == Weekly);

        violation.Period.ShouldBe("2014-W05");
        violation.Code.ShouldBe("period-minimum-hours");
    }

    [Fact]
    public void Skipped_a_week_with_a_day_worked_instead_is_still_judged()
    {
        // 3–9 February: 3–6 off, but Friday 7 and Saturday 8 (调休) are worked.
        var violation = Simulator.Run(Load(", holidayWeeks: skipped"), Studies.Skip(1)).Violations.Single(v => v.RequirementId == Weekly);

        violation.Period.ShouldBe("2014-W06");
        violation.Evidence.Actual.ShouldBe("0 h");
    }

    [Fact]
    public void Skipped_a_late_record_of_a_working_week_still_resolves_it()
    {
        var plan = Load(", holidayWeeks: skipped");
        var unit = new Sessions.UnitCompliance(Rules.ComplianceRules.For(plan), "panyu-ftu");
        foreach (var study in Studies.Skip(1))
        {
            unit.Record(study);
        }

        unit.AdvanceTo(new DateTimeOffset(2014, 3, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        unit.Violations.Single(v => v.RequirementId == Weekly).Period.ShouldBe("2014-W06");

        unit.Record(Studies[0]).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == Weekly);
    }
}
