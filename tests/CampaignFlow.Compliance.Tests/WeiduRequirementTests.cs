using CampaignFlow.Compliance.Records;
using static CampaignFlow.Compliance.Tests.Verdicts;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// 魏都区 (seed 004): the district's WD ids, checked on 西关街道, the street whose plan inherits the district's
/// (the district plan has no roster and no log of its own). WD-02's exception is in <see cref="DemoLogTests"/>.
/// </summary>
public class WeiduRequirementTests
{
    private const string Xiguan = "weidu-xiguan-street-2014";

    private static ActivityRecord Revisit(string key, string day) => Moved(Xiguan, "revisit", day) with { Key = key };

    [Fact]
    public void WD_01_WD_02_activities_spanning_three_months_inside_the_district_window_meet_the_span_without_an_exception()
    {
        // Without the street's exception the span (2014-03-12..2014-04-24) is short.
        var span = Single(Xiguan, "concentrated-education-span:total-span", without: r => r is ExceptionRecord);
        span.Evidence.Actual.ShouldBe("2014-03-12..2014-04-24");
        (span.PeriodStart, span.PeriodEnd).ShouldBe((Day("2014-03-01"), Day("2014-09-30")));

        // A revisit in late June stretches it past three months; one in October lies outside 3月-9月 and does not.
        Met(Xiguan, "concentrated-education-span:total-span", without: r => r is ExceptionRecord, with: [Revisit("revisit-june", "2014-06-12")]);
        Single(Xiguan, "concentrated-education-span:total-span", without: r => r is ExceptionRecord, with: [Revisit("revisit-october", "2014-10-08")])
            .Evidence.Actual.ShouldBe("2014-03-12..2014-04-24");

        // Exactly three months: 2014-03-12 to 2014-06-11 is enough, to 2014-06-10 is not.
        Met(Xiguan, "concentrated-education-span:total-span", without: r => r is ExceptionRecord, with: [Revisit("revisit-june", "2014-06-11")]);
        Single(Xiguan, "concentrated-education-span:total-span", without: r => r is ExceptionRecord, with: [Revisit("revisit-june", "2014-06-10")]).Code.ShouldBe("span-short");
    }

    [Fact]
    public void WD_02_a_unit_that_recorded_nothing_is_told_so_not_given_a_span_of_a_dash()
    {
        var none = Single(Xiguan, "concentrated-education-span:total-span", without: r => r is ActivityRecord or ExceptionRecord);

        none.Code.ShouldBe("span-none");
        none.Evidence.Actual.ShouldBeNull();
        none.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("未记录任何活动，集中教育时间无从计算（要求不少于3个月）");
    }

    [Fact]
    public void WD_03_the_street_is_bound_by_the_actions_the_district_mandates()
    {
        Met(Xiguan, "revisit:count-in-window");
        var none = Single(Xiguan, "revisit:count-in-window", without: r => r.Key == "revisit");
        (none.Code, none.Evidence.Actual, none.PeriodStart, none.PeriodEnd).ShouldBe(("count-none", "0", Day("2014-03-11"), Day("2014-05-31")));
        none.Source.ShouldBe(["WD-07"]);
        none.Location.File.ShouldEndWith("weidu-district-2014.yaml");
        none.PlanId.ShouldBe(Xiguan);
    }

    [Fact]
    public void WD_05_one_mass_evaluation_by_all_four_groups()
    {
        Met(Xiguan, "mass-evaluation:count-in-window");
        Met(Xiguan, "mass-evaluation:coverage");

        var missing = Single(Xiguan, "mass-evaluation:coverage", without: r => r.Key == "mass-evaluation-4");
        missing.Evidence.Missing.ShouldBe(["群众代表"]);
        Single(Xiguan, "mass-evaluation:count-in-window", without: r => r.Key.StartsWith("mass-evaluation", StringComparison.Ordinal)).Code.ShouldBe("count-none");
    }

    [Fact]
    public void WD_06_each_leader_collects_opinions_at_the_contact_point()
    {
        var missing = Single(Xiguan, "contact-point-opinions:count-in-window");
        (missing.Target, missing.Code).ShouldBe(("xu-hongmei", "count-none"));
        missing.Message(new System.Globalization.CultureInfo("zh-CN")).ShouldStartWith("徐红梅：");

        var visit = Seeds.Activity(Xiguan, "contact-point-xu", "contact-point-opinions", "2014-04-02", 4m, "xu-hongmei");
        Met(Xiguan, "contact-point-opinions:count-in-window", with: [visit]);

        // Before the street's first link (3月中旬) it does not count.
        Single(Xiguan, "contact-point-opinions:count-in-window", with: [visit with { Day = Day("2014-03-10"), LastDay = Day("2014-03-10") }]).Target.ShouldBe("xu-hongmei");
    }

    [Fact]
    public void WD_06_the_street_opens_its_people_hotline_by_march_31st()
    {
        var late = Single(Xiguan, "people-hotline:deadline");
        (late.Code, late.Evidence.Actual, late.Evidence.Required).ShouldBe(("deadline-late", "2014-04-08", "2014-03-31"));

        Met(Xiguan, "people-hotline:deadline", without: r => r.Key == "hotline-opened", with: [Moved(Xiguan, "hotline-opened", "2014-03-31")]);
        Single(Xiguan, "people-hotline:deadline", without: r => r.Key == "hotline-opened").Code.ShouldBe("deadline-missed");
    }

    [Fact]
    public void WD_07_one_revisit_of_the_households_visited_before()
    {
        Met(Xiguan, "revisit:count-in-window");
        Single(Xiguan, "revisit:count-in-window", without: r => r.Key == "revisit").Evidence.Actual.ShouldBe("0");
    }

    [Fact]
    public void WD_08_base_visits_in_two_batches_as_the_street_tightened_it()
    {
        var one = Single(Xiguan, "base-visits:count-in-window");
        (one.Code, one.Evidence.Actual, one.Evidence.Required).ShouldBe(("count-too-few", "1", "≥ 2"));

        Met(Xiguan, "base-visits:count-in-window", with: [Moved(Xiguan, "base-visit-batch-1", "2014-05-15") with { Key = "base-visit-batch-2" }]);
    }
}
