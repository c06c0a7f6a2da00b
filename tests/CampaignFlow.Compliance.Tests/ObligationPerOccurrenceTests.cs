using System.Globalization;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// Obligations that follow each occurrence (issue 18, item 2), on the shape of 绵阳's research trips and reports
/// (MY-17, MY-18) and 安徽's study sessions: within a time after each occurrence's end, in calendar or working days,
/// and one record answers one occurrence only.
/// </summary>
public sealed class ObligationPerOccurrenceTests
{
    private const string Reports = "reports:occurrence-obligation";
    private const string Evaluations = "evaluations:occurrence-obligation";
    private static readonly CultureInfo Chinese = new("zh-CN");

    private static string Plan(string reportsWithin = "7个工作日") => $$"""
        plan: obligations-2014
        title: 绵阳市总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: mianyang-ftu, name: 绵阳市总工会 }
        campaign: { year: 2014, window: 3月-6月 }
        activities:
          research-trip: 深入基层调研
          democratic-life-meeting: 专题民主生活会
          meeting-evaluation: 民主测评
        documents:
          research-report: 调研报告
        roster:
          people:
            - { id: zhang-jianguo, name: 张建国, roles: [principal, leadership, party-member], rank: 县级 }
            - { id: li-minghua, name: 李明华, roles: [leadership, party-member], rank: 县级 }
            - { id: zhao-jun, name: 赵军, roles: [party-member], rank: 科级 }
        phases:
          - id: implement
            title: 具体实施
            window: 4月-5月
            actions:
              - { id: reports, forEach: research-trip, perParticipant: leadership, document: research-report, within: {{reportsWithin}} }
              - { id: evaluations, forEach: democratic-life-meeting, activity: meeting-evaluation, within: 3天 }
        """;

    private static readonly Lazy<ResolvedPlan> Resolved = new(() => Load(Plan()));

    private static ResolvedPlan Load(string text)
    {
        var catalog = Catalog(text);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        return catalog.Plans["obligations-2014"];
    }

    private static PlanCatalog Catalog(string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-obligations-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "obligations.yaml"), text);
        return PlanCatalog.Load([folder]);
    }

    private static DateOnly Day(int month, int day) => new(2014, month, day);

    // The trips of the demo log of 绵阳 (definitions/activities/mianyang-ftu-2014.yaml): two days each.
    private static ActivityRecord Trip(string key, string who, int month, int day) =>
        new(key, "mianyang-ftu", Day(month, day), "research-trip") { LastDay = Day(month, day + 1), Hours = 16, Participants = [who] };

    private static DocumentRecord Report(string key, string who, int month, int day) =>
        new(key, "mianyang-ftu", Day(month, day), "research-report") { Author = who };

    private static SimulationResult Run(params UnitRecord[] records) => Simulator.Run(Resolved.Value, records);

    [Fact]
    public void Each_trip_followed_by_its_authors_report_within_seven_working_days_is_met()
    {
        var result = Run(
            Trip("trip-zhang", "zhang-jianguo", 4, 14), Report("report-zhang", "zhang-jianguo", 4, 21),
            Trip("trip-li", "li-minghua", 4, 21), Report("report-li", "li-minghua", 4, 28));

        result.Violations.ShouldNotContain(v => v.RequirementId == Reports);
    }

    [Fact]
    public void Working_days_skip_the_weekend_where_calendar_days_do_not()
    {
        // The trip ends on Tuesday 15 April: seven working days run to Thursday 24 April, seven days to Tuesday 22 April.
        UnitRecord[] records = [Trip("trip-zhang", "zhang-jianguo", 4, 14), Report("report-zhang", "zhang-jianguo", 4, 24)];

        Run(records).Violations.ShouldNotContain(v => v.RequirementId == Reports);

        var calendar = Simulator.Run(Load(Plan("7天")), records).Violations.Single(v => v.RequirementId == Reports);
        calendar.Evidence.Missing.ShouldBe(["trip-zhang（2014-04-14..2014-04-22）：张建国"]);

        var late = Run(Trip("trip-zhang", "zhang-jianguo", 4, 14), Report("report-zhang", "zhang-jianguo", 4, 25)).Violations.Single(v => v.RequirementId == Reports);
        late.Evidence.Missing.ShouldBe(["trip-zhang（2014-04-14..2014-04-24）：张建国"]);
        late.Evidence.Actual.ShouldBe("0/1");
        late.Evidence.Required.ShouldBe("7个工作日");
    }

    [Fact]
    public void One_report_after_two_trips_answers_one_of_them_and_the_message_names_the_other()
    {
        var second = Trip("trip-zhang-2", "zhang-jianguo", 4, 21);
        var violation = Run(Trip("trip-zhang-1", "zhang-jianguo", 4, 14), second, Report("report-zhang", "zhang-jianguo", 4, 23))
            .Violations.Single(v => v.RequirementId == Reports);

        violation.Code.ShouldBe("obligation-missing");
        violation.Evidence.Counted.ShouldBe(["report-zhang"]);
        violation.Evidence.Missing.ShouldBe(["trip-zhang-2（2014-04-21..2014-05-01）：张建国"]);
        violation.Evidence.Actual.ShouldBe("1/2");
        violation.Message(Chinese).ShouldBe("深入基层调研后应提交调研报告 2 份，1 份未按时提交（活动日至期限）：trip-zhang-2（2014年4月21日至5月1日）：张建国");
        violation.Message(CultureInfo.InvariantCulture).ShouldBe("after 深入基层调研: 1 of 2 调研报告 not in time (occurrence to its deadline): trip-zhang-2（2014-04-21..2014-05-01）：张建国");
    }

    [Fact]
    public void A_report_entered_late_but_dated_in_time_resolves_the_open_violation()
    {
        var unit = new UnitCompliance(Rules.ComplianceRules.For(Resolved.Value), "mianyang-ftu");
        unit.Record(Trip("trip-zhang-1", "zhang-jianguo", 4, 14));
        unit.Record(Trip("trip-zhang-2", "zhang-jianguo", 4, 21));
        unit.Record(Report("report-zhang", "zhang-jianguo", 4, 23));

        unit.AdvanceTo(new DateTimeOffset(2014, 6, 11, 9, 0, 0, TimeSpan.FromHours(8)));
        // Reports are judged once the last trip a report could still answer has run out: 31 May + 7 working days.
        var open = unit.Violations.Single(v => v.RequirementId == Reports);

        unit.Record(Report("report-zhang-2", "zhang-jianguo", 4, 30)).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == Reports);
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }

    [Fact]
    public void A_resubmitted_report_is_the_same_answer_not_a_second_one()
    {
        var resubmitted = Report("report-zhang-v2", "zhang-jianguo", 4, 24) with { Replaces = "report-zhang" };
        var violation = Run(Trip("trip-zhang-1", "zhang-jianguo", 4, 14), Trip("trip-zhang-2", "zhang-jianguo", 4, 21), Report("report-zhang", "zhang-jianguo", 4, 23), resubmitted)
            .Violations.Single(v => v.RequirementId == Reports);

        violation.Evidence.Counted.ShouldBe(["report-zhang"]);
    }

    [Fact]
    public void Only_the_obliged_who_were_present_owe_and_only_their_own_record_answers()
    {
        // 赵军 is no leader: his trip obliges nobody; 李明华's report does not answer for 张建国.
        var violation = Run(
                Trip("trip-zhao", "zhao-jun", 4, 14),
                Trip("trip-zhang", "zhang-jianguo", 4, 14),
                Report("report-li", "li-minghua", 4, 16))
            .Violations.Single(v => v.RequirementId == Reports);

        violation.Evidence.Missing.ShouldBe(["trip-zhang（2014-04-14..2014-04-24）：张建国"]);
    }

    [Fact]
    public void Without_per_participant_the_unit_owes_one_record_for_each_occurrence_and_a_record_naming_its_meeting_answers_only_that_one()
    {
        var first = new ActivityRecord("meeting-1", "mianyang-ftu", Day(5, 6), "democratic-life-meeting") { Hours = 8 };
        var second = new ActivityRecord("meeting-2", "mianyang-ftu", Day(5, 7), "democratic-life-meeting") { Hours = 8 };

        // One evaluation on 8 May is in time for both meetings, but says it is about the second.
        var aboutSecond = new ActivityRecord("evaluation-2", "mianyang-ftu", Day(5, 8), "meeting-evaluation") { Concerns = "meeting-2" };
        var violation = Run(first, second, aboutSecond).Violations.Single(v => v.RequirementId == Evaluations);
        violation.Evidence.Missing.ShouldBe(["meeting-1（2014-05-06..2014-05-09）"]);

        var aboutFirst = new ActivityRecord("evaluation-1", "mianyang-ftu", Day(5, 9), "meeting-evaluation");
        Run(first, second, aboutSecond, aboutFirst).Violations.ShouldNotContain(v => v.RequirementId == Evaluations);
    }

    [Fact]
    public void On_the_occurrences_day_a_record_made_before_it_started_does_not_answer_it()
    {
        var meeting = new ActivityRecord("meeting-1", "mianyang-ftu", Day(5, 6), "democratic-life-meeting") { Hours = 4, Time = new TimeOnly(14, 30) };
        var before = new ActivityRecord("evaluation-1", "mianyang-ftu", Day(5, 6), "meeting-evaluation") { Time = new TimeOnly(9, 0) };

        Run(meeting, before).Violations.ShouldContain(v => v.RequirementId == Evaluations);
        Run(meeting, before with { Time = new TimeOnly(17, 0) }).Violations.ShouldNotContain(v => v.RequirementId == Evaluations);
    }

    [Fact]
    public void An_occurrence_at_the_windows_end_is_pending_until_its_own_time_has_run_out()
    {
        // A trip on 29-30 May: its report is due by 6 June (seven working days), after the window's end on 31 May.
        UnitRecord[] trip = [Trip("trip-li", "li-minghua", 5, 29)];

        var early = Simulator.Run(Resolved.Value, trip, new DateTimeOffset(2014, 6, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        early.Violations.ShouldNotContain(v => v.RequirementId == Reports);
        early.Pending.ShouldContain(d => d.RequirementId == Reports);

        Simulator.Run(Resolved.Value, [.. trip, Report("report-li", "li-minghua", 6, 5)]).Violations.ShouldNotContain(v => v.RequirementId == Reports);
        Simulator.Run(Resolved.Value, trip).Violations.Single(v => v.RequirementId == Reports).Evidence.Missing.ShouldBe(["trip-li（2014-05-29..2014-06-10）：李明华"]);
    }

    [Fact]
    public void No_record_is_ever_counted_for_two_occurrences()
    {
        // Many trips and reports at random days: each report is counted once at most, and as many trips are answered
        // as a one-to-one pairing of trips with reports in time allows.
        var random = new Random(18);
        for (var round = 0; round < 200; round++)
        {
            var trips = Enumerable.Range(0, random.Next(1, 6)).Select(i => Trip($"trip-{i}", "zhang-jianguo", 4, random.Next(1, 28))).ToArray();
            var reports = Enumerable.Range(0, random.Next(0, 6)).Select(i => Report($"report-{i}", "zhang-jianguo", random.Next(4, 6), random.Next(1, 29))).ToArray();

            var violation = Run([.. trips, .. reports]).Violations.SingleOrDefault(v => v.RequirementId == Reports);

            var answered = trips.Length - (violation?.Evidence.Missing.Count ?? 0);
            answered.ShouldBe(MostTripsAnswerable(trips, reports), $"round {round}");
            (violation?.Evidence.Counted ?? []).ShouldBeUnique();
            (violation?.Evidence.Counted.Count ?? answered).ShouldBe(answered);
        }
    }

    [Theory]
    [InlineData("3次")]
    [InlineData("forty")]
    public void A_within_that_is_no_length_of_time_is_an_error_at_its_key(string within)
    {
        var text = Plan(within);
        var finding = Catalog(text).Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);

        finding.Location.Line.ShouldBe(text.Split('\n').ToList().FindIndex(l => l.Contains("id: reports", StringComparison.Ordinal)) + 1);
        finding.Location.Column.ShouldBeGreaterThan(text.Split('\n').Single(l => l.Contains("id: reports", StringComparison.Ordinal)).IndexOf("within", StringComparison.Ordinal));
    }

    // The most trips a one-to-one pairing can answer, found by trying every pairing (the rounds are small).
    private static int MostTripsAnswerable(ActivityRecord[] trips, DocumentRecord[] reports)
    {
        int Best(int trip, HashSet<int> used)
        {
            if (trip == trips.Length)
            {
                return 0;
            }

            var best = Best(trip + 1, used);
            var until = new Plans.Text.Quantity(7, Plans.Text.QuantityUnit.WorkDays, "", "7个工作日") { OnWorkingDays = true }.LastDayAfter(trips[trip].LastDay);
            for (var r = 0; r < reports.Length; r++)
            {
                if (!used.Contains(r) && reports[r].Day >= trips[trip].Day && reports[r].Day <= until)
                {
                    used.Add(r);
                    best = Math.Max(best, 1 + Best(trip + 1, used));
                    used.Remove(r);
                }
            }

            return best;
        }

        return Best(0, []);
    }
}
