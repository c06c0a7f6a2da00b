using System.Globalization;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// Time of day and real durations (issue 18, item 3), on the shape of 番禺's mobilisation meeting (at 2014-02-18 09:00
/// until 11:30 in its demo log, PY-06) and weekly study (PY-05): records with start and end times, a meeting's hours
/// from them, <c>at: 15:00</c>, 半天 and 1天 as the plan's calendar says, and 学时 as a unit the plan defines.
/// </summary>
public sealed class TimeOfDayAndHoursTests
{
    private const string Mobilization = "mobilization:start-time";
    private const string Appraisal = "appraisal:order";
    private static readonly CultureInfo Chinese = new("zh-CN");

    private static string Plan(string calendar = "{ workdayHours: 7, halfDayHours: 3, classHour: 45分钟 }", string at = "15:00") => $$"""
        plan: hours-2014
        title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: panyu-ftu, name: 番禺区总工会 }
        campaign: { year: 2014, window: 2月-3月 }
        calendar: {{calendar}}
        activities:
          mobilization-meeting: 动员大会
          appraisal: 民主评议
          concentrated-study: 集中学习
          lecture: 专题辅导
        roster:
          people:
            - { id: su-zhibang, name: 苏治邦, roles: [principal, leadership, party-member], rank: 县级 }
        phases:
          - id: prepare
            title: 动员部署
            window: 2月
            actions:
              - { id: mobilization, activity: mobilization-meeting, by: 2月28日, at: "{{at}}", eachAtLeast: 半天 }
              - { id: appraisal, activity: appraisal, after: [mobilization] }
          - id: study
            title: 学习教育
            window: 3月
            actions:
              - { id: weekly-study, activity: concentrated-study, every: week, atLeast: 半天 }
              - { id: lectures, activity: lecture, atLeast: 8学时 }
        """;

    private static readonly Lazy<ResolvedPlan> Resolved = new(() => Load(Plan()));

    private static PlanCatalog Catalog(string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-hours-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "hours.yaml"), text);
        return PlanCatalog.Load([folder]);
    }

    private static ResolvedPlan Load(string text)
    {
        var catalog = Catalog(text);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        return catalog.Plans["hours-2014"];
    }

    private static UnitRecord[] Log(string records)
    {
        var log = ActivityLogReader.ReadRecords(records, "records.yaml", Resolved.Value);
        log.Diagnostics.ShouldBeEmpty(string.Join("\n", log.Diagnostics));
        return [.. log.Records];
    }

    private static SimulationResult Run(params UnitRecord[] records) => Simulator.Run(Resolved.Value, records);

    [Fact]
    public void A_meetings_hours_and_end_come_from_its_start_and_end_times()
    {
        var meeting = (ActivityRecord)Log("- { key: mobilization, activity: mobilization-meeting, at: 2014-02-18 15:00, until: 2014-02-18 17:30 }").Single();

        (meeting.Time, meeting.EndTime, meeting.Hours).ShouldBe((new TimeOnly(15, 0), new TimeOnly(17, 30), 2.5m));

        // 2.5 hours fall short of this plan's 半天 of 3 hours; 15:00 to 18:00 is enough.
        Run(meeting).Violations.Single(v => v.RequirementId == "mobilization:minimum-duration").Evidence.Required.ShouldBe("3 h");
        Run(Log("- { key: mobilization, activity: mobilization-meeting, at: 2014-02-18 15:00, until: 2014-02-18 18:00 }"))
            .Violations.ShouldNotContain(v => v.RequirementId == "mobilization:minimum-duration");
    }

    [Fact]
    public void A_meeting_at_the_plans_time_meets_at_and_one_held_later_is_one_violation_saying_by_how_much()
    {
        Run(Log("- { key: mobilization, activity: mobilization-meeting, at: 2014-02-18 15:00, until: 2014-02-18 18:00 }"))
            .Violations.Where(v => v.ActionId == "mobilization").ShouldBeEmpty();

        // One mistake, one violation: the meeting was held, by 28 February and long enough, only later than planned.
        var violations = Run(Log("- { key: mobilization, activity: mobilization-meeting, at: 2014-02-18 15:30, until: 2014-02-18 18:30 }")).Violations;

        var late = violations.Where(v => v.ActionId == "mobilization").ShouldHaveSingleItem();
        (late.RequirementId, late.Code, late.Record).ShouldBe((Mobilization, "start-time-late", "mobilization"));
        (late.Evidence.Actual, late.Evidence.Required).ShouldBe(("15:30", "15:00"));
        late.Message(Chinese).ShouldBe("动员大会于2014年2月18日 15:30 开始，比方案规定的 15:00 晚 30 分钟");
        late.Message(CultureInfo.InvariantCulture).ShouldBe("动员大会 on 2014-02-18 started at 15:30, 30 minutes after the plan's 15:00");
    }

    [Fact]
    public void A_meeting_before_the_time_or_without_one_is_named_as_such()
    {
        Run(Log("- { key: mobilization, activity: mobilization-meeting, at: 2014-02-18 09:00, until: 2014-02-18 12:00 }"))
            .Violations.Single(v => v.RequirementId == Mobilization).Message(Chinese).ShouldBe("动员大会于2014年2月18日 09:00 开始，比方案规定的 15:00 早 360 分钟");

        var unrecorded = Run(Log("- { key: mobilization, activity: mobilization-meeting, on: 2014-02-18, hours: 半天 }")).Violations.Where(v => v.ActionId == "mobilization").ShouldHaveSingleItem();
        (unrecorded.Code, unrecorded.Record).ShouldBe(("start-time-unrecorded", "mobilization"));
        unrecorded.Message(Chinese).ShouldBe("动员大会（2014年2月18日）未记录开始时间，方案规定 15:00 开始");
    }

    [Theory]
    [InlineData("下午3点")]
    [InlineData("15点")]
    [InlineData("15:00")]
    public void The_time_may_be_written_as_the_documents_write_it(string at)
    {
        var plan = Load(Plan(at: at));

        Simulator.Run(plan, Log("- { key: mobilization, activity: mobilization-meeting, at: 2014-02-18 15:00, until: 2014-02-18 18:00 }")).Violations.ShouldNotContain(v => v.RequirementId == Mobilization);
        Simulator.Run(plan, Log("- { key: mobilization, activity: mobilization-meeting, at: 2014-02-18 15:05, until: 2014-02-18 18:00 }")).Violations.ShouldContain(v => v.RequirementId == Mobilization);
    }

    [Fact]
    public void Same_day_order_keeps_working_with_times()
    {
        const string Meeting = "- { key: mobilization, activity: mobilization-meeting, at: 2014-02-18 15:00, until: 2014-02-18 18:00 }\n";

        Run(Log(Meeting + "- { key: appraisal, activity: appraisal, at: 2014-02-18 18:30 }")).Violations.ShouldNotContain(v => v.RequirementId == Appraisal);
        Run(Log(Meeting + "- { key: appraisal, activity: appraisal, at: 2014-02-18 10:00 }")).Violations.ShouldContain(v => v.RequirementId == Appraisal);
    }

    [Fact]
    public void Half_a_day_is_what_the_plan_says_and_a_late_record_of_the_rest_resolves_the_week()
    {
        // 3月第一周 (2014-W10): a 2.5-hour session is short of this plan's 半天 of 3 hours.
        var session = Log("- { key: study-w10, activity: concentrated-study, at: 2014-03-04 14:30, until: 2014-03-04 17:00 }");
        var week = Run(session).Violations.Single(v => v.RequirementId == "weekly-study:period-minimum" && v.Period == "2014-W10");
        (week.Evidence.Actual, week.Evidence.Required).ShouldBe(("2.5 h", "3 h"));

        var more = Log("- { key: study-w10-more, activity: concentrated-study, on: 2014-03-06, hours: 半天 }");
        ((ActivityRecord)more.Single()).Hours.ShouldBe(3m);
        Run([.. session, .. more]).Violations.ShouldNotContain(v => v.RequirementId == "weekly-study:period-minimum" && v.Period == "2014-W10");
    }

    [Fact]
    public void Class_hours_are_as_long_as_the_plan_says()
    {
        // 8学时 of 45 minutes are 6 hours: 4学时 (3 h) fall short, 4学时 and three more hours do not.
        var lectures = Log("- { key: lecture-1, activity: lecture, on: 2014-03-10, hours: 4学时 }");
        ((ActivityRecord)lectures.Single()).Hours.ShouldBe(3m);
        var violation = Run(lectures).Violations.Single(v => v.RequirementId == "lectures:quantity-target");
        violation.Evidence.Required.ShouldBe("6 h");

        Run([.. lectures, .. Log("- { key: lecture-2, activity: lecture, on: 2014-03-17, hours: 3小时 }")])
            .Violations.ShouldNotContain(v => v.RequirementId == "lectures:quantity-target");
    }

    [Theory]
    [InlineData("{ workdayHours: 8, halfDayHours: 9, classHour: 1小时 }", "half-day-hours-out-of-range", "halfDayHours: 9")]
    [InlineData("{ workdayHours: 8, classHour: 3次 }", "class-hour-not-hours", "classHour: 3次")]
    [InlineData("{ workdayHours: 8 }", "class-hour-undefined", "atLeast: 8学时")]
    public void A_calendar_that_cannot_be_meant_is_an_error_at_the_value(string calendar, string code, string written)
    {
        var text = Plan(calendar);
        var finding = Catalog(text).Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);

        finding.Code.ShouldBe(code);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains(written, StringComparison.Ordinal));
        var value = text.Split('\n')[line].IndexOf(written, StringComparison.Ordinal) + written.IndexOf(": ", StringComparison.Ordinal) + 2;
        (finding.Location.Line, finding.Location.Column).ShouldBe((line + 1, value + 1));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("下午")]
    public void A_time_of_day_that_is_none_is_an_error_at_its_key(string at)
    {
        var text = Plan(at: at);
        var finding = Catalog(text).Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);

        finding.Code.ShouldBe("bad-time-of-day");
        finding.Location.Line.ShouldBe(text.Split('\n').ToList().FindIndex(l => l.Contains("id: mobilization", StringComparison.Ordinal)) + 1);
        finding.Message(Chinese).ShouldContain(at);
    }

    [Fact]
    public void At_on_a_document_and_class_hours_as_a_deadline_are_errors()
    {
        var text = Plan().Replace("- { id: appraisal, activity: appraisal, after: [mobilization] }", "- { id: appraisal, activity: appraisal, after: [mobilization], within: 4学时 }", StringComparison.Ordinal)
            .Replace("lecture: 专题辅导", "lecture: 专题辅导\ndocuments:\n  speech: 讲话稿", StringComparison.Ordinal)
            .Replace("- { id: lectures, activity: lecture, atLeast: 8学时 }", "- { id: lectures, activity: lecture, atLeast: 8学时 }\n      - { id: speech, document: speech, at: \"9:00\" }", StringComparison.Ordinal);

        Catalog(text).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Code).Order(StringComparer.Ordinal)
            .ShouldBe(["class-hours-no-length", "key-needs-activity"]);
    }
}
