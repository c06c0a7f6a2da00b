using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Text;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Calendar;

/// <summary>
/// The working days of the seed plans (issue 18, item 7): definitions/calendar/china.holidays.yaml holds the State
/// Council's holidays and 调休 of 2013 and 2014; every plan of definitions/ names it or inherits it.
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly Lazy<PlanCatalog> Seeds = new(() => PlanCatalog.Load([Repository.Path("definitions")]));

    private static WorkingCalendar Of(string plan) => Seeds.Value.Plans[plan].WorkingCalendar;

    [Fact]
    public void Both_years_have_the_250_working_days_of_365_less_weekends_and_the_11_statutory_days()
    {
        var calendar = Of("mianyang-ftu-2014");

        calendar.Years.ShouldBe([2013, 2014]);
        calendar.WorkingDaysBetween(new DateOnly(2013, 1, 1), new DateOnly(2013, 12, 31)).ShouldBe(250);
        calendar.WorkingDaysBetween(new DateOnly(2014, 1, 1), new DateOnly(2014, 12, 31)).ShouldBe(250);
    }

    [Theory]
    [InlineData("2013-02-16", true)] // 春节调休：星期六上班
    [InlineData("2013-02-11", false)] // 春节：星期一放假
    [InlineData("2013-09-22", true)] // 中秋节调休：星期日上班
    [InlineData("2014-02-08", true)] // 春节调休：星期六上班
    [InlineData("2014-04-07", false)] // 清明节补休：星期一
    [InlineData("2014-09-28", true)] // 国庆节调休：星期日上班
    [InlineData("2014-10-07", false)] // 国庆节：星期二放假
    [InlineData("2014-10-12", false)] // an ordinary Sunday
    [InlineData("2014-10-13", true)] // an ordinary Monday
    public void A_day_is_worked_as_the_notices_say(string day, bool working) =>
        Of("panyu-ftu-2014").IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(working);

    [Fact]
    public void Working_days_after_a_day_skip_the_holidays_and_count_the_weekend_days_worked_instead()
    {
        var seven = new Quantity(7, QuantityUnit.WorkDays, "", "7个工作日") { OnWorkingDays = true };

        // 国庆节 1–7 October off, Saturday 11 October worked: 8, 9, 10, 11, 13, 14, 15 October.
        seven.LastDayAfter(new DateOnly(2014, 9, 30), Of("mianyang-ftu-2014")).ShouldBe(new DateOnly(2014, 10, 15));
        seven.LastDayAfter(new DateOnly(2014, 9, 30), WorkingCalendar.WeekendsOnly).ShouldBe(new DateOnly(2014, 10, 9));
        // Calendar days are calendar days, holidays or not.
        new Quantity(7, QuantityUnit.WorkDays, "", "7天").LastDayAfter(new DateOnly(2014, 9, 30), Of("mianyang-ftu-2014")).ShouldBe(new DateOnly(2014, 10, 7));
    }

    [Theory]
    [InlineData("weidu-xiguan-street-2014")] // its own plan, inheriting the district's
    [InlineData("weidu-streets-2014")] // a template under the district
    [InlineData("weidu-dongda-street-2014")] // generated from an organisation line with a roster
    public void A_plan_below_the_district_keeps_the_districts_holidays(string plan)
    {
        Seeds.Value.Written[plan].Calendar?.Holidays.ShouldBeNull();

        Of(plan).IsWorkingDay(new DateOnly(2014, 10, 11)).ShouldBeTrue();
        Of(plan).IsWorkingDay(new DateOnly(2014, 10, 1)).ShouldBeFalse();
    }

    [Fact]
    public void A_plan_that_names_no_holidays_works_monday_to_friday_and_judges_every_week()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-no-holidays-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "plain.yaml"), """
            plan: plain-2014
            title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案
            unit: { id: panyu-ftu, name: 番禺区总工会 }
            campaign: { year: 2014, window: 2月-9月 }
            activities:
              concentrated-study: 集中学习
            actions:
              - { id: weekly-study, activity: concentrated-study, every: week, atLeast: 半天 }
            """);
        var catalog = PlanCatalog.Load([folder]);

        catalog.Diagnostics.ShouldBeEmpty();
        var plan = catalog.Plans["plain-2014"];
        plan.WorkingCalendar.ShouldBeSameAs(WorkingCalendar.WeekendsOnly);
        plan.SkipsHolidayWeeks.ShouldBeFalse();
        Seeds.Value.Plans["panyu-ftu-2014"].SkipsHolidayWeeks.ShouldBeTrue();
    }
}
