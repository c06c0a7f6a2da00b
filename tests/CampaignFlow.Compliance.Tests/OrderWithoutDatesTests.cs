using System.Globalization;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;
using static CampaignFlow.Compliance.Tests.Verdicts;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// Order without dates (issue 18, item 4) on 绵阳's plan and demo log: the link 查摆问题 follows 学习教育 by the order of
/// the records (<c>after: [study]</c> on a link without a window), and each version of a member's research report
/// follows a research trip of its own — after the return, for a resubmission (MY-18, <c>eachAfter</c>).
/// </summary>
public class OrderWithoutDatesTests
{
    private const string Mianyang = "mianyang-ftu-2014";
    private static readonly CultureInfo Chinese = new("zh-CN");

    [Fact]
    public void MY_03_a_link_placed_after_another_is_met_when_its_first_record_comes_after_the_others_first()
    {
        Seeds.Rules(Mianyang).Judges.Keys.Where(k => k.EndsWith(":phase-order", StringComparison.Ordinal))
            .ShouldContain("four-winds-list:phase-order");
        Met(Mianyang, "four-winds-list:phase-order");
        Met(Mianyang, "self-examination:phase-order");
    }

    [Fact]
    public void MY_03_a_record_of_the_later_link_before_the_earlier_link_began_is_one_violation_naming_both()
    {
        // 学习教育 begins with the mobilization meeting of 2014-03-03 09:00; a 四风 list written on 02-28 comes before it.
        var list = Record<DocumentRecord>(Mianyang, "four-winds-list");
        var early = Single(Mianyang, "four-winds-list:phase-order", without: r => r.Key == "four-winds-list", with: [list with { Day = Day("2014-02-28") }]);
        (early.Code, early.Record).ShouldBe(("phase-order-early", "four-winds-list"));
        early.Evidence.Missing.ShouldBe(["study: mobilization 2014-03-03"]);
        early.Message(Chinese).ShouldBe("2014年2月28日的市总工会“四风”具体表现书面材料（four-winds-list）早于“学习教育、听取意见”的开始（mobilization，2014年3月3日）");

        // Only that action: the others of the link are in order, and the list's own gate does not repeat it.
        Seeds.Simulate(Mianyang, without: r => r.Key == "four-winds-list", with: [list with { Day = Day("2014-02-28") }]).Violations
            .Count(v => v.Code == "phase-order-early").ShouldBe(1);
    }

    [Fact]
    public void MY_03_the_same_day_after_the_first_record_of_the_earlier_link_is_in_order()
    {
        var list = Record<DocumentRecord>(Mianyang, "four-winds-list");
        Met(Mianyang, "four-winds-list:phase-order", without: r => r.Key == "four-winds-list", with: [list with { Day = Day("2014-03-03") }]);
    }

    [Fact]
    public void MY_03_a_late_record_of_the_earlier_link_dated_before_resolves_the_violation()
    {
        var list = Record<DocumentRecord>(Mianyang, "four-winds-list") with { Day = Day("2014-02-28") };
        var records = Seeds.Log(Mianyang).Records.Where(r => r.Key != "four-winds-list").Append(list).OrderBy(r => r.Day).ToArray();
        var unit = new UnitCompliance(Seeds.Rules(Mianyang), "mianyang-ftu");
        foreach (var record in records)
        {
            unit.Record(record);
        }

        unit.AdvanceTo(new DateTimeOffset(2014, 9, 22, 9, 0, 0, TimeSpan.FromHours(8)));
        var open = unit.Violations.Single(v => v.RequirementId == "four-winds-list:phase-order");

        // A study session held on 02-25 and entered only now: 学习教育 began before the list after all.
        unit.Record(new ActivityRecord("study-0", "mianyang-ftu", Day("2014-02-25"), "concentrated-study") { Hours = 4, Participants = ["zhang-jianguo"] }).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == "four-winds-list:phase-order");
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }

    [Fact]
    public void MY_03_an_earlier_draft_entered_late_moves_the_violation_to_it_and_resolves_the_one_it_replaces()
    {
        // The violation names the first record of the link's action, so its id does; a draft of the 四风 list dated
        // 02-26 and entered after the 02-28 list was judged is now the first: one violation, of the draft.
        var list = Record<DocumentRecord>(Mianyang, "four-winds-list") with { Day = Day("2014-02-28") };
        var unit = new UnitCompliance(Seeds.Rules(Mianyang), "mianyang-ftu");
        unit.Record(Seeds.Log(Mianyang).Records.Where(r => r.Key != "four-winds-list").Append(list).ToArray());
        unit.AdvanceTo(new DateTimeOffset(2014, 9, 22, 9, 0, 0, TimeSpan.FromHours(8)));
        var before = unit.Violations.Single(v => v.RequirementId == "four-winds-list:phase-order");
        before.Record.ShouldBe("four-winds-list");

        unit.Record(list with { Key = "four-winds-list-draft", Day = Day("2014-02-26") }).ShouldBeTrue();

        var after = unit.Violations.Where(v => v.RequirementId == "four-winds-list:phase-order").ShouldHaveSingleItem();
        after.Record.ShouldBe("four-winds-list-draft");
        after.Id.ShouldNotBe(before.Id);
        var resolved = unit.History.Where(h => h.Violation.Id == before.Id).ToArray();
        resolved.Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
        resolved[^1].Records.ShouldBe(["four-winds-list-draft"]);
        unit.History.Where(h => h.Violation.Id == after.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened]);
        unit.LastChangeOf(before.Id)!.Kind.ShouldBe(ViolationChangeKind.Resolved);

        // And back: a record of 学习教育 dated before the draft puts both in order; nothing of the requirement stays open.
        unit.Record(new ActivityRecord("study-0", "mianyang-ftu", Day("2014-02-25"), "concentrated-study") { Hours = 4, Participants = ["zhang-jianguo"] }).ShouldBeTrue();
        unit.Violations.ShouldNotContain(v => v.RequirementId == "four-winds-list:phase-order");
        unit.History.Where(h => h.Violation.Id == after.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }

    [Fact]
    public void MY_18_a_resubmitted_report_without_a_new_trip_after_the_return_is_a_violation_of_that_version()
    {
        Met(Mianyang, "research-report:order-each");

        // Without the second trip, chen-wei's resubmitted report (05-23) follows no trip of its own after the return (05-12).
        var none = Single(Mianyang, "research-report:order-each", without: r => r.Key == "trip-chen-again");
        (none.Target, none.Code).ShouldBe(("chen-wei", "order-each-missing"));
        none.Evidence.Counted.ShouldBe(["report-chen", "report-chen-again"]);
        none.Evidence.Missing.ShouldBe(["report-chen-again（2014-05-12..2014-05-23）"]);
        none.Message(Chinese).ShouldBe("陈伟：调研报告每次之前须另有一次深入基层调研，不能与前一次共用（重新提交的须在退回之后另行深入基层调研）；缺少的有：report-chen-again（2014年5月12日至5月23日）");

        // A trip before the return does not count for the resubmission: it was the first report's time to research.
        var trip = Record<ActivityRecord>(Mianyang, "trip-chen-again");
        var before = Single(Mianyang, "research-report:order-each", without: r => r.Key == "trip-chen-again",
            with: [trip with { Day = Day("2014-05-08"), LastDay = Day("2014-05-09") }]);
        before.Evidence.Missing.ShouldBe(["report-chen-again（2014-05-12..2014-05-23）"]);

        // The day of the return counts: a trip that starts on it is after it.
        Met(Mianyang, "research-report:order-each", without: r => r.Key == "trip-chen-again", with: [trip with { Day = Day("2014-05-12"), LastDay = Day("2014-05-13") }]);
    }

    [Fact]
    public void MY_18_one_trip_never_answers_two_versions_of_a_report()
    {
        // Chen's first trip (04-28) answered his first report; with no trip after, the second has none, even with no return.
        var noReturn = Single(Mianyang, "research-report:order-each",
            without: r => r.Key is "trip-chen-again" or "report-chen-supervisor");
        noReturn.Evidence.Missing.ShouldBe(["report-chen-again（2014-05-05..2014-05-23）"]);
    }
}
