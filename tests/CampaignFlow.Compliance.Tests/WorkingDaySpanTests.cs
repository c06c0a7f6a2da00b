using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A span written in working days (issue 18, item 7): 魏都's 集中教育时间一般不少于3个月 (WD-02) as a plan would write it
/// in working days, over 国庆节 2014 with the seeds' holidays file, where the holidays do not count and 调休 days do.
/// </summary>
public sealed class WorkingDaySpanTests
{
    private const string Span = "concentrated-education-span:total-span";

    private static readonly Lazy<ResolvedPlan> Plan = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-working-span-" + Guid.NewGuid().ToString("N"));
        Repository.CopyHolidays(folder);
        File.WriteAllText(Path.Combine(folder, "span.yaml"), """
            plan: span-2014
            title: 中共魏都区委关于在全区党员中深入开展党的群众路线教育实践活动的实施意见
            unit: { id: weidu-district, name: 中共魏都区委 }
            campaign: { year: 2014, window: 9月-10月 }
            calendar: { holidays: calendar/china.holidays.yaml }
            activities:
              concentrated-study: 集中学习
            actions:
              - { id: concentrated-education-span, title: 集中教育时间不少于20个工作日, spanAtLeast: 20个工作日 }
            """);
        var catalog = PlanCatalog.Load([folder]);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        return catalog.Plans["span-2014"];
    });

    private static ActivityRecord Study(int month, int day) =>
        new($"study-{month:00}-{day:00}", "weidu-district", new DateOnly(2014, month, day), "concentrated-study") { Hours = 4 };

    [Fact]
    public void Twenty_nine_calendar_days_over_the_national_day_holiday_are_only_eighteen_working_days()
    {
        // 22 September to 20 October: 22–26 and 28 (调休) September, 29–30 September, 8–11 (11: 调休), 13–17 and 20 October.
        var violation = Simulator.Run(Plan.Value, [Study(9, 22), Study(10, 20)]).Violations.Single(v => v.RequirementId == Span);

        violation.Code.ShouldBe("span-short");
        violation.Evidence.Actual.ShouldBe("2014-09-22..2014-10-20");
        violation.Evidence.Required.ShouldBe("20个工作日");
    }

    [Fact]
    public void Two_working_days_more_reach_twenty()
    {
        Simulator.Run(Plan.Value, [Study(9, 22), Study(10, 22)]).Violations.ShouldNotContain(v => v.RequirementId == Span);
    }
}
