using System.Globalization;
using CampaignFlow.Compliance.Records;
using static CampaignFlow.Compliance.Tests.Verdicts;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// 绵阳市总工会 (seed 003): each MY id a plan cites, shown met and violated on the demo log changed by a record or
/// two. MY-06, MY-12, MY-17, MY-22 and MY-29 are in <see cref="RequirementTests"/> as well.
/// </summary>
public class MianyangRequirementTests
{
    private const string Mianyang = "mianyang-ftu-2014";
    private static readonly CultureInfo Chinese = new("zh-CN");

    [Fact]
    public void MY_01_the_campaign_ends_by_september_30th_when_the_ledgers_are_judged()
    {
        Seeds.Plan(Mianyang).Window.End.ShouldBe(Day("2014-09-30"));
        var item = Record<LedgerItemRecord>(Mianyang, "rect-03") with { Done = false };
        var open = Of(Mianyang, "rectification-ledger:ledger", without: r => r.Key == "rect-03", with: [item with { Deadline = Day("2014-09-30") }]);
        open.Select(v => v.Record).ShouldBe(["rect-03", "rect-04"], ignoreOrder: true);
        open.ShouldAllBe(v => v.PeriodEnd == Day("2014-09-30"));

        Single(Mianyang, "rectification-ledger:ledger", without: r => r.Key == "rect-03", with: [item with { Deadline = Day("2014-10-10") }]).Record.ShouldBe("rect-04");
    }

    [Fact]
    public void MY_02_a_document_written_before_the_preparation_window_does_not_count()
    {
        Met(Mianyang, "work-plan:count-in-window");
        var plan = Record<DocumentRecord>(Mianyang, "work-plan");
        var early = Single(Mianyang, "work-plan:count-in-window", without: r => r.Key == "work-plan", with: [plan with { Day = Day("2014-02-09") }]);
        (early.Code, early.PeriodStart, early.PeriodEnd).ShouldBe(("count-none", Day("2014-02-10"), Day("2014-02-20")));
        Met(Mianyang, "work-plan:count-in-window", without: r => r.Key == "work-plan", with: [plan with { Day = Day("2014-02-10") }]);
    }

    [Fact]
    public void MY_03_an_essay_contest_after_the_implementation_window_does_not_count_MY_15()
    {
        Met(Mianyang, "essay-contest:count-in-window");
        Single(Mianyang, "essay-contest:count-in-window", without: r => r.Key == "essay-contest").Code.ShouldBe("count-none");

        var late = Single(Mianyang, "essay-contest:count-in-window", without: r => r.Key == "essay-contest", with: [Moved(Mianyang, "essay-contest", "2014-09-21")]);
        late.PeriodEnd.ShouldBe(Day("2014-09-20"));
        Met(Mianyang, "essay-contest:count-in-window", without: r => r.Key == "essay-contest", with: [Moved(Mianyang, "essay-contest", "2014-09-20")]);
    }

    [Fact]
    public void MY_04_a_summary_meeting_before_the_summary_window_does_not_count()
    {
        Met(Mianyang, "summary-meeting:count-in-window");
        var early = Single(Mianyang, "summary-meeting:count-in-window", without: r => r.Key == "summary-meeting", with: [Moved(Mianyang, "summary-meeting", "2014-09-20")]);
        (early.Code, early.PeriodStart).ShouldBe(("count-none", Day("2014-09-21")));
    }

    [Fact]
    public void MY_05_the_plan_and_speech_are_approved_by_the_supervision_group_before_the_mobilization_meeting()
    {
        Met(Mianyang, "implementation-opinion:approval-gate");
        Met(Mianyang, "work-plan:approval-gate");
        Met(Mianyang, "mobilization-speech:approval-gate");

        var unapproved = Single(Mianyang, "work-plan:approval-gate", without: r => r.Key == "work-plan-ok");
        unapproved.Code.ShouldBe("gate-not-approved");
        unapproved.Evidence.Missing.ShouldBe(["supervisor"]);

        var approval = Record<ReviewRecord>(Mianyang, "mobilization-speech-ok");
        var late = Single(Mianyang, "mobilization-speech:approval-gate", without: r => r.Key == "mobilization-speech-ok", with: [approval with { Day = Day("2014-03-04") }]);
        late.Code.ShouldBe("gate-held-before-approval");
        late.Evidence.Counted.ShouldBe(["mobilization", "mobilization-speech-ok"]);
        late.Message(Chinese).ShouldContain("2014-03-04");

        Single(Mianyang, "implementation-opinion:approval-gate", without: r => r.Key.StartsWith("implementation-opinion", StringComparison.Ordinal)).Code.ShouldBe("gate-no-document");
    }

    [Fact]
    public void MY_06_the_supervision_group_attends_the_mobilization_meeting()
    {
        Met(Mianyang, "mobilization:attendance");
        var meeting = Record<ActivityRecord>(Mianyang, "mobilization");
        var absent = Single(Mianyang, "mobilization:attendance", without: r => r.Key == "mobilization", with: [meeting with { Externals = new Dictionary<string, int>() }]);
        absent.Code.ShouldBe("attendance-short");
        absent.Evidence.Missing.ShouldBe(["mobilization: supervisor 0/1"]);
    }

    [Fact]
    public void MY_07_the_democratic_evaluation_follows_the_mobilization_meeting()
    {
        Met(Mianyang, "democratic-evaluation:order");
        Met(Mianyang, "democratic-evaluation:count-in-window");
        var early = Single(Mianyang, "democratic-evaluation:order", without: r => r.Key == "evaluation", with: [Moved(Mianyang, "evaluation", "2014-03-02")]);
        early.Evidence.Missing.ShouldBe(["mobilization: none before 2014-03-02"]);
        Single(Mianyang, "democratic-evaluation:count-in-window", without: r => r.Key == "evaluation").Code.ShouldBe("count-none");
    }

    [Fact]
    public void MY_08_every_branch_holds_a_study_meeting_after_the_mobilization_meeting()
    {
        Met(Mianyang, "branch-study-meetings:count-in-window");
        Met(Mianyang, "branch-study-meetings:order");

        var none = Single(Mianyang, "branch-study-meetings:count-in-window", without: r => r.Key == "branch-study-relief-centre");
        (none.Target, none.Code).ShouldBe(("relief-centre", "count-none"));

        // The organ branch meets the day before the mobilization meeting; the other two after it.
        var early = Single(Mianyang, "branch-study-meetings:order", without: r => r.Key == "branch-study-organ", with: [Moved(Mianyang, "branch-study-organ", "2014-03-02")]);
        early.Target.ShouldBe("organ");
        early.Evidence.Counted.ShouldBe(["branch-study-organ"]);
    }

    [Fact]
    public void MY_09_four_concentrated_study_sessions()
    {
        Met(Mianyang, "concentrated-study:count-in-window");
        var three = Single(Mianyang, "concentrated-study:count-in-window", without: r => r.Key == "study-4");
        three.Code.ShouldBe("count-too-few");
        (three.Evidence.Actual, three.Evidence.Required).ShouldBe(("3", "≥ 4"));
    }

    [Fact]
    public void MY_10_the_principal_gives_one_tutorial_to_all_party_members()
    {
        Met(Mianyang, "principal-tutorial:count-in-window");
        Met(Mianyang, "principal-tutorial:participation");

        var tutorial = Record<ActivityRecord>(Mianyang, "tutorial-zhang");
        var absent = Single(Mianyang, "principal-tutorial:participation", without: r => r.Key == "tutorial-zhang",
            with: [tutorial with { Participants = tutorial.Participants.Where(p => p != "he-jing").ToArray() }]);
        absent.Evidence.Missing.ShouldBe(["何静"]);
        absent.Evidence.Actual.ShouldBe("13/14");

        var none = Single(Mianyang, "principal-tutorial:count-in-window", without: r => r.Key == "tutorial-zhang");
        (none.Target, none.Code).ShouldBe(("zhang-jianguo", "count-none"));
    }

    [Fact]
    public void MY_11_each_member_takes_part_in_an_exchange_at_the_contact_point()
    {
        Met(Mianyang, "contact-point-exchange:count-in-window");
        var none = Single(Mianyang, "contact-point-exchange:count-in-window", without: r => r.Key == "exchange-chen");
        (none.Target, none.Code).ShouldBe(("chen-wei", "count-none"));
        none.Message(Chinese).ShouldStartWith("陈伟：");
    }

    [Fact]
    public void MY_13_three_discussion_meetings_or_more_covering_the_five_themes()
    {
        Met(Mianyang, "discussion-meetings:count-in-window");
        Met(Mianyang, "discussion-meetings:coverage");

        var theme = Single(Mianyang, "discussion-meetings:coverage", without: r => r.Key == "discussion-5");
        theme.Evidence.Missing.ShouldBe(["我是谁为了谁依靠谁"]);
        Met(Mianyang, "discussion-meetings:count-in-window", without: r => r.Key == "discussion-5");

        var two = Single(Mianyang, "discussion-meetings:count-in-window", without: r => r.Key is "discussion-3" or "discussion-4" or "discussion-5");
        (two.Code, two.Evidence.Actual).ShouldBe(("count-too-few", "2"));
    }

    [Fact]
    public void MY_14_each_member_names_one_or_two_immediate_fixes()
    {
        Met(Mianyang, "immediate-fixes:count-in-window");
        Met(Mianyang, "immediate-fixes:cap");
        Met(Mianyang, "immediate-fixes:ledger");

        var third = Record<LedgerItemRecord>(Mianyang, "fix-02") with { Key = "fix-07" };
        var three = Single(Mianyang, "immediate-fixes:cap", with: [third]);
        (three.Target, three.Code, three.Evidence.Actual).ShouldBe(("zhang-jianguo", "cap-exceeded", "3"));

        var none = Single(Mianyang, "immediate-fixes:count-in-window", without: r => r.Key == "fix-03");
        (none.Target, none.Code).ShouldBe(("li-minghua", "count-none"));
    }

    [Fact]
    public void MY_16_a_failed_knowledge_test_must_be_retaken()
    {
        Met(Mianyang, "knowledge-test:rework");
        Met(Mianyang, "knowledge-test:count-in-window");

        var test = Record<ActivityRecord>(Mianyang, "knowledge-test");
        var failed = test with { Attributes = With(("passed", "false")) };
        var rework = Single(Mianyang, "knowledge-test:rework", without: r => r.Key == "knowledge-test", with: [failed]);
        rework.Code.ShouldBe("rework-required");
        rework.Evidence.Counted.ShouldBe(["knowledge-test"]);

        // The re-take that passes closes it.
        var retake = test with { Key = "knowledge-test-again", Day = Day("2014-06-10"), LastDay = Day("2014-06-10"), Replaces = "knowledge-test" };
        Met(Mianyang, "knowledge-test:rework", without: r => r.Key == "knowledge-test", with: [failed, retake]);
    }

    [Fact]
    public void MY_17_a_research_trip_of_two_days_meets_it_and_each_member_makes_one()
    {
        Single(Mianyang, "research-trip:minimum-duration").Evidence.Missing.ShouldBe(["trip-liu 2014-04-16 12 h"]);
        Met(Mianyang, "research-trip:minimum-duration", without: r => r.Key == "trip-liu", with: [Record<ActivityRecord>(Mianyang, "trip-liu") with { Hours = 16m }]);

        Met(Mianyang, "research-trip:count-in-window");
        var none = Single(Mianyang, "research-trip:count-in-window", without: r => r.Key == "trip-wang");
        (none.Target, none.Code).ShouldBe(("wang-zhigang", "count-none"));
    }

    [Fact]
    public void MY_18_a_research_report_returned_by_the_supervision_group_means_researching_again()
    {
        // The log's returned report is redone (trip-chen-again, report-chen-again approved in order): met.
        Met(Mianyang, "research-report:rework");
        Met(Mianyang, "research-report:approval-gate");
        Met(Mianyang, "research-report:order");

        var rework = Single(Mianyang, "research-report:rework", without: r => r.Key.StartsWith("trip-chen-again", StringComparison.Ordinal) || r.Key.StartsWith("report-chen-again", StringComparison.Ordinal));
        (rework.Target, rework.Code).ShouldBe(("chen-wei", "rework-required"));
        rework.Evidence.Missing.ShouldBe(["returned by supervisor 2014-05-12"]);

        var gate = Single(Mianyang, "research-report:approval-gate", without: r => r.Key.StartsWith("report-chen-again", StringComparison.Ordinal));
        (gate.Target, gate.Code).ShouldBe(("chen-wei", "gate-not-approved"));
        gate.Evidence.Missing.ShouldBe(["supervisor"]);
    }

    [Fact]
    public void MY_19_the_four_ledgers_are_kept_and_none_is_overdue()
    {
        foreach (var ledger in new[] { "livelihood-appeals", "needy-people", "stability-work", "cadre-style" })
        {
            Met(Mianyang, $"{ledger}-ledger:ledger");
            Met(Mianyang, $"{ledger}-ledger:count-in-window");
        }

        Single(Mianyang, "stability-work-ledger:count-in-window", without: r => r.Key == "stability-work-01").Code.ShouldBe("count-none");

        var item = Record<LedgerItemRecord>(Mianyang, "needy-people-02") with { Done = false };
        var overdue = Single(Mianyang, "needy-people-ledger:ledger", without: r => r.Key == "needy-people-02", with: [item]);
        (overdue.Record, overdue.Code).ShouldBe(("needy-people-02", "ledger-overdue"));
    }

    [Fact]
    public void MY_20_opinions_are_heard_from_every_stakeholder_group()
    {
        Met(Mianyang, "opinion-collection:coverage");
        var missing = Single(Mianyang, "opinion-collection:coverage", without: r => r.Key == "opinions-08");
        missing.Evidence.Missing.ShouldBe(["劳动模范"]);
        missing.Evidence.Actual.ShouldBe("8/9");
    }

    [Fact]
    public void MY_21_the_four_winds_list_is_approved_by_the_supervision_group_then_submitted()
    {
        Met(Mianyang, "four-winds-list:approval-gate");
        Met(Mianyang, "submit-four-winds-list:publication");
        Met(Mianyang, "submit-four-winds-list:order");

        Single(Mianyang, "four-winds-list:approval-gate", without: r => r.Key == "four-winds-list-ok").Evidence.Missing.ShouldBe(["supervisor"]);

        var missing = Single(Mianyang, "submit-four-winds-list:publication", without: r => r.Key == "four-winds-list-submitted");
        (missing.Code, missing.Evidence.Required).ShouldBe(("publication-missing", "superior"));
    }
}
