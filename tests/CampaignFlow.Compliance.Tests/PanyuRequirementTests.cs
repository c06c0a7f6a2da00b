using System.Globalization;
using CampaignFlow.Compliance.Records;
using static CampaignFlow.Compliance.Tests.Verdicts;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// 番禺区总工会 (seed 000): each PY id a plan cites, shown met and violated on the demo log changed by a record or
/// two. PY-05, PY-14, PY-17, PY-23 and PY-31 are in <see cref="RequirementTests"/> as well.
/// </summary>
public class PanyuRequirementTests
{
    private const string Panyu = "panyu-ftu-2014";
    private static readonly CultureInfo Chinese = new("zh-CN");

    [Fact]
    public void PY_01_the_campaign_window_ends_on_september_30th_when_the_ledger_is_judged()
    {
        Met(Panyu, "rectification-ledger:ledger");

        // An item due on the campaign's last day and not done is overdue at its end; one due after the campaign is not judged.
        var item = Record<LedgerItemRecord>(Panyu, "item-04");
        var open = item with { Done = false, Deadline = Day("2014-09-30"), Fields = With(("item", "困难职工帮扶标准不统一"), ("measure", "修订困难职工帮扶细则"), ("owner", "wang-mandi"), ("deadline", "2014-09-30"), ("status", "in-progress")) };
        var overdue = Single(Panyu, "rectification-ledger:ledger", without: r => r.Key == "item-04", with: [open]);
        (overdue.Record, overdue.PeriodEnd).ShouldBe(("item-04", Day("2014-09-30")));
        Met(Panyu, "rectification-ledger:ledger", without: r => r.Key == "item-04", with: [open with { Deadline = Day("2014-10-08") }]);
    }

    [Fact]
    public void PY_02_a_weekly_study_before_the_first_phase_opens_on_february_11th_does_not_count()
    {
        // 2014-02-10 is the Monday of W07, a day before the window 2月中下旬: the week (from 02-11) then has no study.
        var early = Single(Panyu, "weekly-study:period-minimum", without: r => r.Key is "study-2014-w07" or "study-2014-w10", with: [Moved(Panyu, "study-2014-w07", "2014-02-10"), Moved(Panyu, "study-2014-w10", "2014-03-07") with { Hours = 4m }]);
        (early.Period, early.PeriodStart, early.Evidence.Actual).ShouldBe(("2014-W07", Day("2014-02-11"), "0 h"));
        early.Evidence.Counted.ShouldBeEmpty();

        Met(Panyu, "weekly-study:period-minimum", without: r => r.Key is "study-2014-w07" or "study-2014-w10", with: [Moved(Panyu, "study-2014-w07", "2014-02-11"), Moved(Panyu, "study-2014-w10", "2014-03-07") with { Hours = 4m }]);
    }

    [Fact]
    public void PY_03_a_mutual_talk_before_the_criticism_phase_opens_on_may_1st_does_not_count()
    {
        var talk = Seeds.Activity(Panyu, "talk-liu-wen", "talk", "2014-04-30", 1m, "liu-xiaoguang", "wen-chengjun") with { Attributes = With(("includesCriticism", "true")) };
        Single(Panyu, "mutual-talks:coverage", with: [talk]).Evidence.Missing.ShouldBe(["刘晓光–温成军"]);
        Met(Panyu, "mutual-talks:coverage", with: [talk with { Day = Day("2014-05-02"), LastDay = Day("2014-05-02") }]);
    }

    [Fact]
    public void PY_04_a_spending_inspection_before_the_rectification_phase_opens_on_august_1st_does_not_count_PY_30()
    {
        Met(Panyu, "spending-inspection:count-in-window");
        var early = Single(Panyu, "spending-inspection:count-in-window", without: r => r.Key == "spending-inspection", with: [Moved(Panyu, "spending-inspection", "2014-07-31")]);
        (early.Code, early.PeriodStart, early.PeriodEnd).ShouldBe(("count-none-outside", Day("2014-08-01"), Day("2014-09-30")));
        early.Evidence.Missing.ShouldBe(["spending-inspection（2014-07-31, 1 d early）"]);
        Met(Panyu, "spending-inspection:count-in-window", without: r => r.Key == "spending-inspection", with: [Moved(Panyu, "spending-inspection", "2014-08-01")]);
    }

    [Fact]
    public void PY_06_exactly_one_mobilization_meeting_in_the_first_phase()
    {
        Met(Panyu, "mobilization:count-in-window");

        var none = Single(Panyu, "mobilization:count-in-window", without: r => r.Key == "mobilization");
        (none.Code, none.Evidence.Actual, none.Evidence.Required).ShouldBe(("count-none", "0", "1"));

        var twice = Single(Panyu, "mobilization:count-in-window", with: [Moved(Panyu, "mobilization", "2014-03-04") with { Key = "mobilization-2" }]);
        twice.Code.ShouldBe("count-too-many");
        twice.Evidence.Counted.ShouldBe(["mobilization", "mobilization-2"]);
    }

    [Fact]
    public void PY_07_the_democratic_appraisal_comes_after_the_mobilization_meeting()
    {
        Met(Panyu, "democratic-appraisal:order");
        Met(Panyu, "democratic-appraisal:count-in-window");

        var before = Single(Panyu, "democratic-appraisal:order", without: r => r.Key == "appraisal", with: [Moved(Panyu, "appraisal", "2014-02-17")]);
        before.Code.ShouldBe("order-other-later");
        before.Evidence.Counted.ShouldBe(["appraisal"]);
        before.Evidence.Missing.ShouldBe(["mobilization: none before 2014-02-17"]);

        Single(Panyu, "democratic-appraisal:count-in-window", without: r => r.Key == "appraisal").Code.ShouldBe("count-none");
    }

    [Fact]
    public void PY_07_on_the_same_day_the_recorded_times_order_the_appraisal_after_the_meeting()
    {
        // The demo log records the meeting at 09:00 and the appraisal at 11:40 on 2014-02-18.
        Record<ActivityRecord>(Panyu, "appraisal").Time.ShouldBe(new TimeOnly(11, 40));
        var early = Record<ActivityRecord>(Panyu, "appraisal") with { Time = new TimeOnly(8, 0) };
        var broken = Single(Panyu, "democratic-appraisal:order", without: r => r.Key == "appraisal", with: [early]);
        broken.Evidence.Missing.ShouldBe(["mobilization: none before 2014-02-18"]);

        // A day without a time cannot be ordered within the day, so it is given the benefit of the doubt.
        Met(Panyu, "democratic-appraisal:order", without: r => r.Key == "appraisal", with: [early with { Time = null }]);
    }

    [Fact]
    public void PY_08_at_least_one_mass_discussion()
    {
        Met(Panyu, "mass-discussion:count-in-window");
        var none = Single(Panyu, "mass-discussion:count-in-window", without: r => r.Key == "mass-discussion");
        none.Code.ShouldBe("count-none");
        none.Message(Chinese).ShouldContain("群众路线大家谈大讨论");
    }

    [Fact]
    public void PY_09_each_leadership_member_visits_the_grassroots()
    {
        Met(Panyu, "grassroots-research:count-in-window");
        var missing = Single(Panyu, "grassroots-research:count-in-window", without: r => r.Key == "research-wen");
        (missing.Target, missing.Code, missing.Evidence.Actual).ShouldBe(("wen-chengjun", "count-none", "0"));
        missing.Message(Chinese).ShouldStartWith("温成军：");

        // Another member's visit does not count for him.
        Single(Panyu, "grassroots-research:count-in-window", without: r => r.Key == "research-wen", with: [Seeds.Activity(Panyu, "research-su-2", "grassroots-research", "2014-04-10", 8m, "su-zhibang")])
            .Target.ShouldBe("wen-chengjun");
    }

    [Fact]
    public void PY_10_both_opinion_channels_are_opened()
    {
        Met(Panyu, "opinion-channels:coverage");
        var missing = Single(Panyu, "opinion-channels:coverage", without: r => r.Key == "channel-microblog");
        missing.Code.ShouldBe("coverage-values-missing");
        missing.Evidence.Missing.ShouldBe(["microblog"]);
        missing.Evidence.Counted.ShouldBe(["channel-e-mailbox"]);
    }

    [Fact]
    public void PY_11_one_themed_party_day()
    {
        Met(Panyu, "themed-party-day:count-in-window");
        var none = Single(Panyu, "themed-party-day:count-in-window", without: r => r.Key == "party-day");
        (none.Code, none.Period, none.Evidence.Actual, none.Evidence.Required).ShouldBe(("count-none", "window", "0", "≥ 1"));
        none.Message(CultureInfo.InvariantCulture).ShouldBe("no 扶贫济困送温暖主题党日活动 was recorded in 2014-02-11..2014-04-30; ≥ 1 required");
    }

    [Fact]
    public void PY_12_a_warning_film_and_a_visit_to_the_education_base()
    {
        Met(Panyu, "warning-film:count-in-window");
        Met(Panyu, "base-visit:count-in-window");

        var film = Single(Panyu, "warning-film:count-in-window", without: r => r.Key == "warning-film");
        (film.Code, film.Evidence.Actual).ShouldBe(("count-none", "0"));
        film.Source.ShouldBe(["PY-12"]);
        Met(Panyu, "base-visit:count-in-window", without: r => r.Key == "warning-film");

        var visit = Single(Panyu, "base-visit:count-in-window", without: r => r.Key == "base-visit");
        (visit.Code, visit.Evidence.Actual).ShouldBe(("count-none", "0"));
        visit.Source.ShouldBe(["PY-12"]);
        Met(Panyu, "warning-film:count-in-window", without: r => r.Key == "base-visit");
    }

    [Fact]
    public void PY_13_opinions_are_collected_by_forms_forums_and_interviews()
    {
        Met(Panyu, "opinion-collection:coverage");
        var missing = Single(Panyu, "opinion-collection:coverage", without: r => r.Key == "opinions-interview");
        missing.Evidence.Missing.ShouldBe(["interview"]);
        missing.Evidence.Actual.ShouldBe("2/3");
    }

    [Fact]
    public void PY_13_a_special_report_follows_the_collection_of_opinions()
    {
        Met(Panyu, "opinion-report:count-in-window");
        Met(Panyu, "opinion-report:order");

        Single(Panyu, "opinion-report:count-in-window", without: r => r.Key == "opinion-report").Code.ShouldBe("count-none");

        var report = Record<DocumentRecord>(Panyu, "opinion-report");
        var early = Single(Panyu, "opinion-report:order", without: r => r.Key == "opinion-report", with: [report with { Day = Day("2014-02-25") }]);
        early.Evidence.Missing.ShouldBe(["opinion-collection: none before 2014-02-25"]);
    }

    [Fact]
    public void PY_15_the_democratic_life_meeting_lasts_a_whole_working_day()
    {
        Met(Panyu, "democratic-life-meeting:minimum-duration");
        var shortMeeting = Record<ActivityRecord>(Panyu, "dlm-again") with { Hours = 6m };
        var violation = Single(Panyu, "democratic-life-meeting:minimum-duration", without: r => r.Key == "dlm-again", with: [shortMeeting]);
        violation.Code.ShouldBe("duration-short");
        violation.Evidence.Missing.ShouldBe(["dlm-again 2014-07-08 6 h"]);
        violation.Evidence.Required.ShouldBe("8 h");
    }

    [Fact]
    public void PY_16_the_secretary_talks_with_each_member_before_the_meeting()
    {
        Met(Panyu, "principal-talks:coverage");
        Met(Panyu, "principal-talks:order");

        var missing = Single(Panyu, "principal-talks:coverage", without: r => r.Key == "talk-su-wen");
        missing.Evidence.Missing.ShouldBe(["苏治邦–温成军"]);
        missing.Evidence.Actual.ShouldBe("3/4");
    }

    [Fact]
    public void PY_17_a_mutual_talk_held_after_the_meeting_does_not_meet_the_requirement()
    {
        var talk = Seeds.Activity(Panyu, "talk-liu-wen", "talk", "2014-05-20", 1m, "liu-xiaoguang", "wen-chengjun") with { Attributes = With(("includesCriticism", "true")) };
        Met(Panyu, "mutual-talks:coverage", with: [talk]);
        Met(Panyu, "mutual-talks:order", with: [talk]);

        var late = talk with { Day = Day("2014-06-20"), LastDay = Day("2014-06-20") };
        var missing = Single(Panyu, "mutual-talks:coverage", with: [late]);
        missing.Evidence.Missing.ShouldBe(["刘晓光–温成军"]);
        missing.Evidence.Counted.ShouldNotContain("talk-liu-wen");
    }

    [Fact]
    public void PY_26_each_party_member_writes_a_statement_before_the_organizational_life_meeting()
    {
        Met(Panyu, "written-statement:count-in-window");
        Met(Panyu, "written-statement:order");

        var none = Single(Panyu, "written-statement:count-in-window", without: r => r.Key == "statement-lihui");
        (none.Target, none.Code).ShouldBe(("li-hui", "count-none"));

        var statement = Record<DocumentRecord>(Panyu, "statement-lihui");
        var late = Single(Panyu, "written-statement:order", without: r => r.Key == "statement-lihui", with: [statement with { Day = Day("2014-07-21") }]);
        late.Target.ShouldBe("li-hui");
        late.Evidence.Counted.ShouldBe(["statement-lihui"]);
        late.Evidence.Missing.ShouldBe(["organizational-life-meeting: 2014-07-18 08:30 before 2014-07-21"]);
    }

    [Fact]
    public void PY_18_each_member_talks_with_the_heads_of_the_departments_they_oversee()
    {
        Met(Panyu, "overseen-department-talks:coverage");
        var missing = Single(Panyu, "overseen-department-talks:coverage", without: r => r.Key == "talk-liu-hu");
        missing.Evidence.Missing.ShouldBe(["刘晓光–胡清"]);
        missing.Evidence.Actual.ShouldBe("3/4");
    }

    [Fact]
    public void PY_19_each_department_head_talks_with_the_party_members_of_the_department()
    {
        Met(Panyu, "department-talks:coverage");
        var missing = Single(Panyu, "department-talks:coverage", without: r => r.Key == "talk-guo-lihui");
        missing.Evidence.Missing.ShouldBe(["郭建文–李辉"]);
        missing.Message(Chinese).ShouldBe("谈心谈话：2 对中有 1 对未进行：郭建文–李辉");
    }

    [Fact]
    public void PY_20_each_member_writes_a_self_examination_approved_by_the_principal_before_the_meeting()
    {
        Met(Panyu, "self-examination:approval-gate");
        Met(Panyu, "self-examination:count-in-window");

        var unapproved = Single(Panyu, "self-examination:approval-gate", without: r => r.Key == "self-exam-wen-ok");
        (unapproved.Target, unapproved.Code).ShouldBe(("wen-chengjun", "gate-not-approved"));
        unapproved.Evidence.Missing.ShouldBe(["principal"]);

        var approval = Record<ReviewRecord>(Panyu, "self-exam-wen-ok");
        var late = Single(Panyu, "self-examination:approval-gate", without: r => r.Key == "self-exam-wen-ok", with: [approval with { Day = Day("2014-06-13") }]);
        (late.Target, late.Code).ShouldBe(("wen-chengjun", "gate-held-before-approval"));
        late.Evidence.Counted.ShouldBe(["dlm", "self-exam-wen-ok"]);

        var unwritten = Single(Panyu, "self-examination:count-in-window", without: r => r.Key is "self-exam-wen" or "self-exam-wen-ok");
        (unwritten.Target, unwritten.Code).ShouldBe(("wen-chengjun", "count-none"));
        Single(Panyu, "self-examination:approval-gate", without: r => r.Key is "self-exam-wen" or "self-exam-wen-ok").Code.ShouldBe("gate-no-document");
    }

    [Fact]
    public void PY_20_the_principal_does_not_review_his_own_self_examination()
    {
        // The demo log has no review of 苏治邦's own material: the chain is [principal] and he is the principal.
        Seeds.Log(Panyu).Records.ShouldNotContain(r => r is ReviewRecord && ((ReviewRecord)r).DocumentKey == "self-exam-su");
        Met(Panyu, "self-examination:approval-gate");

        // Still, his material must be written before the meeting.
        var unwritten = Single(Panyu, "self-examination:approval-gate", without: r => r.Key == "self-exam-su");
        (unwritten.Target, unwritten.Code).ShouldBe(("su-zhibang", "gate-no-document"));
    }

    [Fact]
    public void PY_21_one_democratic_life_meeting_and_not_two()
    {
        Met(Panyu, "democratic-life-meeting:count-in-window");

        var second = Record<ActivityRecord>(Panyu, "dlm-again") with { Key = "dlm-second", Replaces = null, Day = Day("2014-07-22"), LastDay = Day("2014-07-22") };
        var twice = Single(Panyu, "democratic-life-meeting:count-in-window", with: [second]);
        twice.Code.ShouldBe("count-too-many");
        twice.Evidence.Counted.ShouldBe(["dlm", "dlm-second"]);

        Single(Panyu, "democratic-life-meeting:count-in-window", without: r => r.Key is "dlm" or "dlm-again").Code.ShouldBe("count-none");
    }

    [Fact]
    public void PY_22_the_notification_follows_the_meeting_and_the_evaluation_follows_the_notification()
    {
        Met(Panyu, "meeting-notification:order");
        Met(Panyu, "meeting-evaluation:order");
        Met(Panyu, "meeting-notification:count-in-window");
        Met(Panyu, "meeting-evaluation:count-in-window");

        var early = Single(Panyu, "meeting-notification:order", without: r => r.Key == "notification", with: [Moved(Panyu, "notification", "2014-06-10")]);
        early.Evidence.Missing.ShouldBe(["democratic-life-meeting: none before 2014-06-10"]);

        // Notified on 06-19, the day after the evaluation of 06-18.
        var evaluation = Single(Panyu, "meeting-evaluation:order", without: r => r.Key == "notification", with: [Moved(Panyu, "notification", "2014-06-19")]);
        evaluation.Evidence.Counted.ShouldBe(["dlm-evaluation"]);
        evaluation.Evidence.Missing.ShouldBe(["meeting-notification: none before 2014-06-18"]);

        Single(Panyu, "meeting-notification:count-in-window", without: r => r.Key is "notification" or "notification-again").Code.ShouldBe("count-none");
    }

    [Fact]
    public void PY_23_a_re_held_meeting_not_yet_evaluated_leaves_the_failed_one_to_be_held_again()
    {
        // The log: dlm failed (15/42 unsatisfied), dlm-again replaced it and passed (1/42).
        Met(Panyu, "democratic-life-meeting:rework");

        var open = Single(Panyu, "democratic-life-meeting:rework", without: r => r.Key == "dlm-again-evaluation");
        open.Evidence.Counted.ShouldBe(["dlm"]);
        open.Evidence.Missing.ShouldBe(["unsatisfied 15/42 ≥ 三分之一"]);

        // The re-held meeting failing too must be held again itself.
        var again = Record<ActivityRecord>(Panyu, "dlm-again-evaluation") with { Attributes = With(("satisfied", "20"), ("basic", "8"), ("unsatisfied", "14")) };
        var twice = Single(Panyu, "democratic-life-meeting:rework", without: r => r.Key == "dlm-again-evaluation", with: [again]);
        twice.Evidence.Counted.ShouldBe(["dlm-again"]);
        twice.Evidence.Missing.ShouldBe(["unsatisfied 14/42 ≥ 三分之一"]);
    }

    [Fact]
    public void PY_24_the_notification_material_is_approved_by_the_supervision_group_before_the_notification()
    {
        var late = Single(Panyu, "notification-material:approval-gate");
        late.Code.ShouldBe("gate-held-before-approval");
        late.Evidence.Counted.ShouldBe(["notification", "notification-material-ok"]);
        (late.Evidence.Actual, late.Evidence.Required).ShouldBe(("2014-06-17", "2014-06-19"));

        var approval = Record<ReviewRecord>(Panyu, "notification-material-ok");
        Met(Panyu, "notification-material:approval-gate", without: r => r.Key == "notification-material-ok", with: [approval with { Day = Day("2014-06-16") }]);
        Single(Panyu, "notification-material:approval-gate", without: r => r.Key == "notification-material-ok").Code.ShouldBe("gate-not-approved");
    }

    [Fact]
    public void PY_25_every_party_member_attends_the_organizational_life_meeting()
    {
        Met(Panyu, "organizational-life-meeting:participation");
        Met(Panyu, "organizational-life-meeting:count-in-window");

        var meeting = Record<ActivityRecord>(Panyu, "olm-organ");
        var absent = Single(Panyu, "organizational-life-meeting:participation", without: r => r.Key == "olm-organ",
            with: [meeting with { Participants = meeting.Participants.Where(p => p != "li-hui").ToArray() }]);
        (absent.Target, absent.Code).ShouldBe(("organ", "participation-absent"));
        absent.Evidence.Missing.ShouldBe(["李辉"]);
        absent.Evidence.Actual.ShouldBe("10/11");

        var none = Single(Panyu, "organizational-life-meeting:count-in-window", without: r => r.Key == "olm-organ");
        (none.Target, none.Code).ShouldBe(("organ", "count-none"));
    }

    [Fact]
    public void PY_25_a_second_meeting_for_the_member_who_missed_the_one_does_not_stand_for_it()
    {
        // 召开一次专题组织生活会，每名党员都要参加: attendance is judged at the one meeting; a make-up meeting is a second
        // one (exactly 1次), and the first stays short of 李辉.
        var meeting = Record<ActivityRecord>(Panyu, "olm-organ");
        var without = meeting with { Participants = meeting.Participants.Where(p => p != "li-hui").ToArray() };
        var makeUp = meeting with { Key = "olm-organ-make-up", Day = Day("2014-07-21"), LastDay = Day("2014-07-21"), Time = null, EndTime = null, Participants = ["guo-jianwen", "li-hui"] };

        var absent = Single(Panyu, "organizational-life-meeting:participation", without: r => r.Key == "olm-organ", with: [without, makeUp]);
        absent.Code.ShouldBe("participation-short-at");
        absent.Evidence.Missing.First().ShouldBe("olm-organ（2014-07-18）：李辉");
        Single(Panyu, "organizational-life-meeting:count-in-window", without: r => r.Key == "olm-organ", with: [without, makeUp]).Code.ShouldBe("count-too-many");
    }

    [Fact]
    public void PY_27_the_branch_secretary_comments_on_every_member_after_the_meeting()
    {
        Met(Panyu, "member-comments:coverage");
        Met(Panyu, "member-comments:order");

        Single(Panyu, "member-comments:coverage", without: r => r.Key == "comment-lihui").Evidence.Missing.ShouldBe(["郭建文–李辉"]);

        var early = Single(Panyu, "member-comments:order", without: r => r.Key == "comment-su", with: [Moved(Panyu, "comment-su", "2014-07-17")]);
        early.Evidence.Missing.ShouldBe(["organizational-life-meeting: none before 2014-07-17"]);
    }

    [Fact]
    public void PY_28_the_rectification_plan_is_approved_by_the_supervision_group()
    {
        Met(Panyu, "rectification-plan:approval-gate");
        Met(Panyu, "rectification-plan:count-in-window");

        var unapproved = Single(Panyu, "rectification-plan:approval-gate", without: r => r.Key == "rectification-plan-ok");
        unapproved.Code.ShouldBe("gate-not-approved");
        unapproved.Evidence.Missing.ShouldBe(["supervisor"]);

        // A return is not an approval.
        var returned = Record<ReviewRecord>(Panyu, "rectification-plan-ok") with { Decision = ReviewDecision.Returned };
        Single(Panyu, "rectification-plan:approval-gate", without: r => r.Key == "rectification-plan-ok", with: [returned]).Code.ShouldBe("gate-not-approved");
    }

    [Fact]
    public void PY_28_the_rectification_plan_is_published_in_the_unit_after_it_is_written_PY_31()
    {
        Met(Panyu, "publish-rectification-plan:publication");
        Met(Panyu, "publish-rectification-plan:order");

        var missing = Single(Panyu, "publish-rectification-plan:publication", without: r => r.Key == "rectification-plan-public");
        missing.Code.ShouldBe("publication-missing-unit");
        missing.Evidence.Required.ShouldBe("unit");

        // Published to the branch only is not published in the unit.
        var publication = Record<PublicationRecord>(Panyu, "rectification-plan-public");
        Single(Panyu, "publish-rectification-plan:publication", without: r => r.Key == "rectification-plan-public", with: [publication with { Audience = Plans.Requirements.Audience.Branch }])
            .Code.ShouldBe("publication-missing-unit");

        var plan = Record<DocumentRecord>(Panyu, "rectification-plan");
        var early = Single(Panyu, "publish-rectification-plan:order", without: r => r.Key == "rectification-plan", with: [plan with { Day = Day("2014-08-12") }]);
        early.Evidence.Missing.ShouldBe(["rectification-plan: none before 2014-08-11"]);
    }

    [Fact]
    public void PY_28_every_rectification_task_carries_its_fields_and_none_is_overdue()
    {
        Met(Panyu, "rectification-ledger:ledger");
        Met(Panyu, "rectification-ledger:count-in-window");

        var item = Record<LedgerItemRecord>(Panyu, "item-05");
        var overdue = Single(Panyu, "rectification-ledger:ledger", without: r => r.Key == "item-05", with: [item with { Done = false }]);
        (overdue.Record, overdue.Code).ShouldBe(("item-05", "ledger-overdue"));

        var incomplete = Single(Panyu, "rectification-ledger:ledger", without: r => r.Key == "item-05",
            with: [item with { Fields = item.Fields.Where(f => f.Key != "owner").ToDictionary(f => f.Key, f => f.Value) }]);
        incomplete.Code.ShouldBe("ledger-incomplete");
        incomplete.Evidence.Missing.ShouldBe(["item-05: owner"]);
    }

    [Fact]
    public void PY_29_a_progress_report_every_month_and_every_quarter_of_the_rectification_phase()
    {
        Met(Panyu, "monthly-supervision:period-minimum");
        Met(Panyu, "quarterly-supervision:period-minimum");

        var september = Single(Panyu, "monthly-supervision:period-minimum", without: r => r.Key == "progress-2014-09");
        (september.Period, september.Evidence.Actual).ShouldBe(("2014-09", "0 次"));
        Met(Panyu, "quarterly-supervision:period-minimum", without: r => r.Key == "progress-2014-09");

        var quarter = Single(Panyu, "quarterly-supervision:period-minimum", without: r => r.Key.StartsWith("progress-", StringComparison.Ordinal));
        (quarter.Period, quarter.PeriodStart, quarter.PeriodEnd).ShouldBe(("2014-Q3", Day("2014-08-01"), Day("2014-09-30")));
    }

    [Fact]
    public void PY_31_each_leaders_personal_plan_published_to_the_branch_meets_it()
    {
        Single(Panyu, "publish-personal-plans:publication").Target.ShouldBe("wen-chengjun");

        var published = Record<PublicationRecord>(Panyu, "personal-plan-wangmd-public") with { Key = "personal-plan-wen-public", DocumentKey = "personal-plan-wen", Author = "wen-chengjun" };
        Met(Panyu, "publish-personal-plans:publication", with: [published]);
        Met(Panyu, "publish-personal-plans:order", with: [published]);

        // Published before it was written: the order names him.
        var early = Single(Panyu, "publish-personal-plans:order", with: [published with { Day = Day("2014-08-14") }]);
        early.Target.ShouldBe("wen-chengjun");
        early.Evidence.Missing.ShouldBe(["personal-rectification-plan: none before 2014-08-14"]);

        // To the unit is not to the branch.
        Single(Panyu, "publish-personal-plans:publication", with: [published with { Audience = Plans.Requirements.Audience.Unit }]).Target.ShouldBe("wen-chengjun");
    }
}
