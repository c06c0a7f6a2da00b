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
        (early.Code, early.PeriodStart, early.PeriodEnd).ShouldBe(("count-none", Day("2014-08-01"), Day("2014-09-30")));
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
        before.Code.ShouldBe("order-broken");
        before.Evidence.Counted.ShouldBe(["appraisal"]);
        before.Evidence.Missing.ShouldBe(["mobilization: none before 2014-02-17"]);

        Single(Panyu, "democratic-appraisal:count-in-window", without: r => r.Key == "appraisal").Code.ShouldBe("count-none");
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
        Single(Panyu, "themed-party-day:count-in-window", without: r => r.Key == "party-day").Code.ShouldBe("count-none");
    }

    [Fact]
    public void PY_12_a_warning_film_and_a_visit_to_the_education_base()
    {
        Met(Panyu, "warning-film:count-in-window");
        Met(Panyu, "base-visit:count-in-window");

        Single(Panyu, "warning-film:count-in-window", without: r => r.Key == "warning-film").Code.ShouldBe("count-none");
        Met(Panyu, "base-visit:count-in-window", without: r => r.Key == "warning-film");

        Single(Panyu, "base-visit:count-in-window", without: r => r.Key == "base-visit").Code.ShouldBe("count-none");
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
}

public class PanyuRequirementTests2
{
    private const string Panyu = "panyu-ftu-2014";

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
        late.Evidence.Missing.ShouldBe(["organizational-life-meeting: 2014-07-18 before 2014-07-21"]);
    }
}
