using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// N个工作日内 over the statutory holidays (issue 18, item 7), with the seeds' holidays file
/// (definitions/calendar/china.holidays.yaml): a report within 5 working days of each research trip (绵阳 MY-17/18's
/// shape) across 国庆节 2014, and a democratic appraisal within 3 working days of the mobilisation (番禺 PY-06/07's
/// shape) across 春节 2014, where 调休 Saturdays count and the holidays do not.
/// </summary>
public sealed class HolidayDeadlineTests
{
    private const string Reports = "reports:occurrence-obligation";
    private const string Appraisals = "democratic-appraisal:order";

    private static string Plan(string holidays) => $$"""
        plan: holidays-2014
        title: 绵阳市总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: mianyang-ftu, name: 绵阳市总工会 }
        campaign: { year: 2014, window: 1月中旬-10月底 }
        {{holidays}}
        activities:
          mobilization-meeting: 动员大会
          democratic-appraisal: 民主测评
          research-trip: 深入基层调研
        documents:
          research-report: 调研报告
        roster:
          people:
            - { id: zhang-jianguo, name: 张建国, roles: [principal, leadership, party-member], rank: 县级 }
            - { id: li-minghua, name: 李明华, roles: [leadership, party-member], rank: 县级 }
        phases:
          - id: prepare
            title: 动员部署
            window: 1月中旬-2月20日
            actions:
              - { id: mobilization, activity: mobilization-meeting, exactly: 1次 }
              - { id: democratic-appraisal, activity: democratic-appraisal, after: [mobilization], within: 3个工作日 }
          - id: implement
            title: 具体实施
            window: 2月21日至9月30日
            actions:
              - { id: reports, forEach: research-trip, perParticipant: leadership, document: research-report, within: 5个工作日 }
        """;

    private static readonly Lazy<ResolvedPlan> WithHolidays = new(() => Load(Plan("calendar: { holidays: calendar/china.holidays.yaml }")));
    private static readonly Lazy<ResolvedPlan> WeekendsOnly = new(() => Load(Plan("")));

    private static ResolvedPlan Load(string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-holiday-deadlines-" + Guid.NewGuid().ToString("N"));
        Repository.CopyHolidays(folder);
        File.WriteAllText(Path.Combine(folder, "holidays.yaml"), text);
        var catalog = PlanCatalog.Load([folder]);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        return catalog.Plans["holidays-2014"];
    }

    private static DateOnly Day(int month, int day) => new(2014, month, day);

    // The last trip of the phase, Monday 29 and Tuesday 30 September, just before 国庆节.
    private static ActivityRecord Trip(string who) =>
        new("trip-" + who, "mianyang-ftu", Day(9, 29), "research-trip") { LastDay = Day(9, 30), Hours = 16, Participants = [who] };

    private static DocumentRecord Report(string who, int month, int day) =>
        new("report-" + who, "mianyang-ftu", Day(month, day), "research-report") { Author = who };

    // Thursday 30 January, the day before 春节 (31 January to 6 February off, Saturday 8 February worked).
    private static readonly ActivityRecord Mobilization = new("mobilization", "mianyang-ftu", Day(1, 30), "mobilization-meeting") { Hours = 3 };

    private static ActivityRecord Appraisal(int month, int day) => new("appraisal", "mianyang-ftu", Day(month, day), "democratic-appraisal") { Hours = 2 };

    [Fact]
    public void A_report_on_the_fifth_working_day_after_the_national_day_holiday_is_in_time()
    {
        // 5 working days after 30 September: 8, 9, 10, 11 (Saturday, worked) and 13 October.
        var result = Simulator.Run(WithHolidays.Value, [Mobilization, Appraisal(2, 10), Trip("zhang-jianguo"), Report("zhang-jianguo", 10, 13)]);

        result.Violations.ShouldNotContain(v => v.RequirementId == Reports);
        result.Violations.ShouldNotContain(v => v.RequirementId == Appraisals);
    }

    [Fact]
    public void A_report_after_the_fifth_working_day_is_late_and_names_the_deadline_the_holidays_give()
    {
        var violation = Simulator.Run(WithHolidays.Value, [Trip("zhang-jianguo"), Report("zhang-jianguo", 10, 14)]).Violations.Single(v => v.RequirementId == Reports);

        violation.Code.ShouldBe("obligation-late");
        violation.Evidence.Missing.ShouldBe(["trip-zhang-jianguo（2014-09-29..2014-10-13）：张建国"]);
        violation.Evidence.Required.ShouldBe("5个工作日");
        violation.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldEndWith("：trip-zhang-jianguo（2014年9月29日至10月13日）：张建国；逾期提交的：report-zhang-jianguo（2014年10月14日，晚 1 天）");
    }

    [Fact]
    public void Without_the_holidays_the_same_report_is_late_by_the_weekends_alone()
    {
        // Monday to Friday only: 1, 2, 3, 6 and 7 October, holidays all of them.
        var violation = Simulator.Run(WeekendsOnly.Value, [Trip("zhang-jianguo"), Report("zhang-jianguo", 10, 13)]).Violations.Single(v => v.RequirementId == Reports);

        violation.Evidence.Missing.ShouldBe(["trip-zhang-jianguo（2014-09-29..2014-10-07）：张建国"]);
    }

    [Fact]
    public void An_appraisal_counts_the_spring_festival_saturday_worked_instead()
    {
        // 3 working days after Thursday 30 January: Friday 7, Saturday 8 (worked) and Monday 10 February.
        var late = Simulator.Run(WithHolidays.Value, [Mobilization, Appraisal(2, 11)]).Violations.Single(v => v.RequirementId == Appraisals);

        late.Code.ShouldBe("order-after-late");
        late.Evidence.Missing.ShouldBe(["mobilization: 2014-01-30 + 3个工作日 < 2014-02-11"]);
        Simulator.Run(WeekendsOnly.Value, [Mobilization, Appraisal(2, 10)]).Violations.ShouldContain(v => v.RequirementId == Appraisals);
    }

    [Fact]
    public void A_report_entered_late_but_dated_in_time_resolves_the_open_violation()
    {
        var unit = new UnitCompliance(Rules.ComplianceRules.For(WithHolidays.Value), "mianyang-ftu");
        unit.Record(Trip("li-minghua"));

        // Judged once the trip's 5 working days have run out, on 13 October.
        unit.AdvanceTo(new DateTimeOffset(2014, 10, 13, 20, 0, 0, TimeSpan.FromHours(8)));
        unit.Violations.ShouldNotContain(v => v.RequirementId == Reports);
        unit.AdvanceTo(new DateTimeOffset(2014, 10, 14, 9, 0, 0, TimeSpan.FromHours(8)));
        var open = unit.Violations.Single(v => v.RequirementId == Reports);

        unit.Record(Report("li-minghua", 10, 11)).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == Reports);
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }
}
