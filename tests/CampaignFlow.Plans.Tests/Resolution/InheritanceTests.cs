using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>WD-03/WD-04: a district plan's mandated actions reach every unit below it; a unit may only tighten them.</summary>
public class InheritanceTests
{
    private const string District = """
        plan: weidu-district-2014
        title: 魏都区深入开展党的群众路线教育实践活动实施意见
        unit: { id: weidu-district, name: 中共魏都区委 }
        supervisor: 区委督导组
        campaign: { year: 2014, window: 3月-9月 }
        unitKinds: { street: 街道, school: 学校 }
        focusByUnitKind:
          street: [服务群众“最后一公里”问题]
          school: [乱收费问题]
        activities:
          concentrated-study: 集中学习
          mass-evaluation: 群众评价
          home-visit: 走访慰问回头看
        phases:
          - id: study
            title: 学习教育、听取意见
            window: 3月-4月
            actions:
              - { id: weekly-study, activity: concentrated-study, every: week, atLeast: 半天 }
              - { id: mass-evaluation, activity: mass-evaluation, source: [WD-05] }
              - { id: home-visits, activity: home-visit, appliesTo: [street], source: [WD-07] }
          - id: rectify
            title: 整改落实
            window: 5月-9月
        actions:
          - { id: span, spanAtLeast: 3个月, severity: soft, source: [WD-02] }
        """;

    private static string Street(string phases) => $$"""
        plan: xiguan-street-2014
        title: 西关街道实施方案
        unit: { id: xiguan, name: 西关街道, kind: street, parent: weidu-district }
        inherits: weidu-district-2014
        campaign: { year: 2014, window: 3月-9月 }
        activities:
          community-forum: 社区座谈会
        {{phases}}
        """;

    [Fact]
    public void A_unit_keeps_every_mandated_action_and_adds_its_own()
    {
        var (plan, catalog) = PlanBuilder.Resolve(("weidu-district-2014.yaml", District), ("xiguan.yaml", Street("""
            phases:
              - id: study
                title: 学习教育、听取意见
                actions:
                  - { id: weekly-study, atLeast: 1天 }
                  - { id: forums, activity: community-forum, atLeast: 2次 }
            """)));
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        plan.ShouldNotBeNull();
        plan.Actions.Select(a => a.Id).ShouldBe(["weekly-study", "mass-evaluation", "home-visits", "forums", "span"]);
        plan.Actions.Single(a => a.Id == "mass-evaluation").DefinedIn.ShouldBe("weidu-district-2014");
        plan.Actions.Single(a => a.Id == "weekly-study").DefinedIn.ShouldBe("xiguan-street-2014");
        plan.Requirements.OfType<PeriodMinimum>().Single().MinimumValue.ShouldBe(8m); // tightened from 半天 to 1天
        plan.Phases[0].Window.ToString().ShouldBe("2014-03-01..2014-04-30"); // the parent's window
        plan.Requirements.OfType<TotalSpan>().Single().Severity.ShouldBe(CampaignFlow.Plans.Requirements.Severity.Soft);
    }

    [Fact]
    public void Actions_for_other_kinds_of_unit_do_not_bind_and_focus_follows_the_kind()
    {
        var school = Street("").Replace("kind: street", "kind: school").Replace("xiguan-street-2014", "no1-school-2014");
        var (plan, catalog) = PlanBuilder.Resolve(("weidu-district-2014.yaml", District), ("school.yaml", school));
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        plan!.Actions.Select(a => a.Id).ShouldNotContain("home-visits");
        plan.Focus.ShouldBe(["乱收费问题"]);
    }

    [Fact]
    public void A_unit_may_narrow_a_phase_window_but_not_widen_it()
    {
        var (narrowed, ok) = PlanBuilder.Resolve(("weidu-district-2014.yaml", District), ("xiguan.yaml", Street("""
            phases:
              - id: study
                title: 学习教育、听取意见
                window: 3月中旬-4月
            """)));
        ok.Diagnostics.ShouldBeEmpty();
        narrowed!.Phases[0].Window.ToString().ShouldBe("2014-03-11..2014-04-30");
    }

    [Fact]
    public void Softening_a_mandated_requirement_is_weakening_it()
    {
        var (_, catalog) = PlanBuilder.Resolve(("weidu-district-2014.yaml", District), ("xiguan.yaml", Street("""
            actions:
              - { id: span, severity: soft, spanAtLeast: 2个月 }
            """)));
        catalog.Diagnostics.Select(d => d.Code).ShouldBe(["weakens-mandated"]);
        catalog.Diagnostics[0].Arguments.ShouldContain("spanAtLeast");
    }

    [Fact]
    public void A_units_campaign_may_not_reach_outside_its_bodys()
    {
        var (_, catalog) = PlanBuilder.Resolve(("weidu-district-2014.yaml", District), ("xiguan.yaml", Street("").Replace("window: 3月-9月", "window: 2月-9月", StringComparison.Ordinal)));

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        finding.Code.ShouldBe("widens-parent-campaign");
        (finding.Location.File.EndsWith("xiguan.yaml", StringComparison.Ordinal), finding.Location.Line).ShouldBe((true, 5));
        finding.Message(new System.Globalization.CultureInfo("zh-CN")).ShouldBe(
            "活动时间 2月-9月 (2014-02-01..2014-09-30) 超出了所继承方案“weidu-district-2014”的活动时间（2014-03-01..2014-09-30）；单位的活动须在上级的活动时间之内");
    }

    [Fact]
    public void Weakening_an_action_declared_two_levels_up_names_the_plan_that_declares_it()
    {
        const string Community = """
            plan: xiguan-community-2014
            title: 西关街道某社区实施方案
            unit: { id: xiguan-community, name: 西关街道某社区, kind: street, parent: xiguan }
            inherits: xiguan-street-2014
            campaign: { year: 2014, window: 3月-9月 }
            phases:
              - id: study
                title: 学习教育、听取意见
                actions:
                  - { id: weekly-study, atLeast: 2小时 }
            """;
        var (plan, catalog) = PlanBuilder.Resolve(("weidu-district-2014.yaml", District), ("xiguan.yaml", Street("")), ("community.yaml", Community));

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        finding.Code.ShouldBe("weakens-mandated");
        finding.Arguments[0].ShouldBe("weekly-study");
        finding.Arguments[^1].ShouldBe("weidu-district-2014");

        var (untouched, clean) = PlanBuilder.Resolve(("weidu-district-2014.yaml", District), ("xiguan.yaml", Street("")), ("community.yaml", Community.Replace("atLeast: 2小时", "atLeast: 1天", StringComparison.Ordinal)));
        clean.Diagnostics.ShouldBeEmpty(string.Join("\n", clean.Diagnostics));
        untouched!.Actions.Single(a => a.Id == "mass-evaluation").DefinedIn.ShouldBe("weidu-district-2014");
        untouched.Actions.Single(a => a.Id == "weekly-study").DefinedIn.ShouldBe("xiguan-community-2014");
    }
}
