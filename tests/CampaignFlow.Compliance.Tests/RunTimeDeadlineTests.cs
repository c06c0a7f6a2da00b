using System.Globalization;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;
using static CampaignFlow.Compliance.Tests.Verdicts;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// Deadlines set at run time (issue 18, item 5) on 绵阳's plan and demo log: the supervision group returns chen-wei's
/// research report to be done again within 10个工作日 (by 2014-05-26, MY-18); the knowledge test names the two members
/// below the mark, who alone re-take it within a month (by 2014-06-20, MY-16), each judged on their own.
/// </summary>
public class RunTimeDeadlineTests
{
    private const string Mianyang = "mianyang-ftu-2014";
    private static readonly CultureInfo Chinese = new("zh-CN");

    [Fact]
    public void The_demo_log_carries_the_days_the_reviewer_and_the_examiner_set()
    {
        Record<ReviewRecord>(Mianyang, "report-chen-supervisor").Due.ShouldBe(Day("2014-05-26"));
        var test = Record<ActivityRecord>(Mianyang, "knowledge-test");
        test.Failed.ShouldBe(["sun-min", "yang-fan"]);
        test.Due.ShouldBe(Day("2014-06-20"));
    }

    [Fact]
    public void MY_18_a_resubmission_by_the_reviewers_day_meets_it_and_one_after_it_is_late()
    {
        Met(Mianyang, "research-report:rework");

        var again = Record<DocumentRecord>(Mianyang, "report-chen-again");
        Met(Mianyang, "research-report:rework", without: r => r.Key == "report-chen-again", with: [again with { Day = Day("2014-05-26") }]);

        var late = Single(Mianyang, "research-report:rework", without: r => r.Key == "report-chen-again", with: [again with { Day = Day("2014-05-28") }]);
        (late.Target, late.Code, late.Period).ShouldBe(("chen-wei", "rework-late", "due 2014-05-26"));
        late.Evidence.Counted.ShouldBe(["report-chen", "report-chen-again"]);
        late.Evidence.Missing.ShouldBe(["report-chen-again 2014-05-28 > 2014-05-26"]);
        late.Message(Chinese).ShouldBe("陈伟：调研报告（report-chen）须在2014年5月26日前重新完成，而report-chen-again于2014年5月28日才完成");
    }

    [Fact]
    public void MY_18_a_return_not_yet_done_again_names_the_reviewers_day()
    {
        var open = Single(Mianyang, "research-report:rework", without: r => r.Key.StartsWith("report-chen-again", StringComparison.Ordinal));
        (open.Target, open.Code).ShouldBe(("chen-wei", "rework-required-by"));
        open.Arguments[^1].ShouldBe("2014-05-26");

        // A return without a day keeps the message it had.
        var review = Record<ReviewRecord>(Mianyang, "report-chen-supervisor") with { Due = null };
        Single(Mianyang, "research-report:rework", without: r => r.Key.StartsWith("report-chen-again", StringComparison.Ordinal) || r.Key == review.Key, with: [review])
            .Code.ShouldBe("rework-required");
    }

    [Fact]
    public void MY_18_a_resubmission_entered_late_but_dated_in_time_resolves_the_open_violation()
    {
        var unit = new UnitCompliance(Seeds.Rules(Mianyang), "mianyang-ftu");
        foreach (var record in Seeds.Log(Mianyang).Records.Where(r => !r.Key.StartsWith("report-chen-again", StringComparison.Ordinal)).OrderBy(r => r.Day))
        {
            unit.Record(record);
        }

        unit.AdvanceTo(new DateTimeOffset(2014, 9, 22, 9, 0, 0, TimeSpan.FromHours(8)));
        var open = unit.Violations.Single(v => v.RequirementId == "research-report:rework");
        open.Code.ShouldBe("rework-required-by");

        unit.Record(Record<DocumentRecord>(Mianyang, "report-chen-again")).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == "research-report:rework");
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }

    [Fact]
    public void MY_18_a_return_not_done_again_is_reported_the_day_after_the_reviewers_day_not_when_the_window_closes()
    {
        var unit = Replayed(r => !r.Key.StartsWith("report-chen-again", StringComparison.Ordinal), until: "2014-05-26");
        unit.Violations.ShouldNotContain(v => v.RequirementId == "research-report:rework");

        unit.AdvanceTo(Morning("2014-05-27"));

        var open = unit.Violations.Single(v => v.RequirementId == "research-report:rework");
        (open.Code, open.Target, open.Period, open.PeriodEnd).ShouldBe(("rework-required-by", "chen-wei", "due 2014-05-26", Day("2014-05-26")));
        unit.Rules.Plan.Actions.Single(a => a.Id == "research-report").Requirements.Single(r => r.Id == "research-report:rework").Window.End.ShouldBeGreaterThan(Day("2014-05-27"));

        // Done again late: the same violation, now saying how late; the window's close reports nothing more.
        unit.Record(Record<DocumentRecord>(Mianyang, "report-chen-again") with { Day = Day("2014-05-28") });
        unit.AdvanceTo(Morning("2014-09-22"));
        var late = unit.Violations.Single(v => v.RequirementId == "research-report:rework");
        (late.Id, late.Code).ShouldBe((open.Id, "rework-late"));
        unit.History.Where(h => h.Violation.RequirementId == "research-report:rework").Select(h => h.Kind)
            .ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Changed]);
    }

    [Fact]
    public void MY_18_a_return_recorded_after_its_day_has_passed_is_reported_at_once()
    {
        var unit = Replayed(r => !r.Key.StartsWith("report-chen", StringComparison.Ordinal), until: "2014-06-02");
        unit.Violations.ShouldNotContain(v => v.RequirementId == "research-report:rework");

        unit.Record(Seeds.Log(Mianyang).Records.Where(r => r.Key.StartsWith("report-chen", StringComparison.Ordinal) && !r.Key.StartsWith("report-chen-again", StringComparison.Ordinal)));

        unit.Violations.Single(v => v.RequirementId == "research-report:rework").Code.ShouldBe("rework-required-by");
    }

    [Fact]
    public void MY_16_members_owing_a_retake_are_reported_the_day_after_the_examiners_day()
    {
        var unit = Replayed(r => r.Key != "knowledge-test-retake", until: "2014-06-20");
        unit.Violations.ShouldNotContain(v => v.RequirementId == "knowledge-test:rework");

        unit.AdvanceTo(Morning("2014-06-21"));

        var owed = unit.Violations.Single(v => v.RequirementId == "knowledge-test:rework");
        (owed.Code, owed.Period).ShouldBe(("retake-owed", "due 2014-06-20"));
        owed.Evidence.Missing.ShouldBe(["孙敏（2014-05-20 → 2014-06-20）", "杨帆（2014-05-20 → 2014-06-20）"]);
    }

    private static UnitCompliance Replayed(Func<CampaignFlow.Compliance.Records.UnitRecord, bool> keep, string until)
    {
        var unit = new UnitCompliance(Seeds.Rules(Mianyang), "mianyang-ftu");
        foreach (var record in Seeds.Log(Mianyang).Records.Where(keep).Where(r => r.Day <= Day(until)).OrderBy(r => r.Day))
        {
            unit.AdvanceTo(Morning(record.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            unit.Record(record);
        }

        unit.AdvanceTo(Morning(until));
        return unit;
    }

    private static DateTimeOffset Morning(string day)
    {
        var date = Day(day);
        return new DateTimeOffset(date.Year, date.Month, date.Day, 9, 0, 0, TimeSpan.FromHours(8));
    }

    [Fact]
    public void MY_16_only_the_members_who_failed_retake_the_test_each_judged_on_their_own()
    {
        Met(Mianyang, "knowledge-test:rework");

        // Without the re-take both still owe it, each with the day they failed and the day it is due.
        var owed = Single(Mianyang, "knowledge-test:rework", without: r => r.Key == "knowledge-test-retake");
        owed.Code.ShouldBe("retake-owed");
        owed.Evidence.Missing.ShouldBe(["孙敏（2014-05-20 → 2014-06-20）", "杨帆（2014-05-20 → 2014-06-20）"]);
        owed.Message(Chinese).ShouldBe("抽查学习讨论记录、抽考应知应晓50问不达标人员须补考通过，尚未通过的有（不达标日期 → 补考期限）：孙敏（2014年5月20日 → 2014年6月20日）、杨帆（2014年5月20日 → 2014年6月20日）");

        // A re-take by one of them binds only the other; the twelve who passed are never bound.
        var retake = Record<ActivityRecord>(Mianyang, "knowledge-test-retake");
        var one = Single(Mianyang, "knowledge-test:rework", without: r => r.Key == retake.Key, with: [retake with { Participants = ["sun-min"] }]);
        one.Evidence.Missing.ShouldBe(["杨帆（2014-05-20 → 2014-06-20）"]);

        // Failing the re-take again keeps the member owing it.
        var again = Single(Mianyang, "knowledge-test:rework", without: r => r.Key == retake.Key, with: [retake with { Failed = ["yang-fan"] }]);
        again.Evidence.Missing.ShouldBe(["杨帆（2014-05-20 → 2014-06-20）"]);
    }

    [Fact]
    public void MY_16_a_retake_passed_after_the_examiners_day_is_late_for_those_members()
    {
        var retake = Record<ActivityRecord>(Mianyang, "knowledge-test-retake");
        var late = Single(Mianyang, "knowledge-test:rework", without: r => r.Key == retake.Key,
            with: [retake with { Day = Day("2014-06-25"), LastDay = Day("2014-06-25") }]);
        late.Code.ShouldBe("retake-late");
        late.Evidence.Missing.ShouldBe(["孙敏（2014-06-25 > 2014-06-20）", "杨帆（2014-06-25 > 2014-06-20）"]);

        // One on time and one still owing: one violation naming both.
        var both = Single(Mianyang, "knowledge-test:rework", without: r => r.Key == retake.Key,
            with: [retake with { Key = "retake-sun", Participants = ["sun-min"], Day = Day("2014-06-25"), LastDay = Day("2014-06-25") }]);
        both.Code.ShouldBe("retake-owed-and-late");
        both.Evidence.Missing.ShouldBe(["杨帆（2014-05-20 → 2014-06-20）", "孙敏（2014-06-25 > 2014-06-20）"]);
    }

    [Fact]
    public void MY_16_a_retake_entered_late_but_dated_in_time_resolves_the_open_violation()
    {
        var unit = new UnitCompliance(Seeds.Rules(Mianyang), "mianyang-ftu");
        foreach (var record in Seeds.Log(Mianyang).Records.Where(r => r.Key != "knowledge-test-retake").OrderBy(r => r.Day))
        {
            unit.Record(record);
        }

        unit.AdvanceTo(new DateTimeOffset(2014, 9, 22, 9, 0, 0, TimeSpan.FromHours(8)));
        var open = unit.Violations.Single(v => v.RequirementId == "knowledge-test:rework");

        unit.Record(Record<ActivityRecord>(Mianyang, "knowledge-test-retake")).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == "knowledge-test:rework");
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }
}
