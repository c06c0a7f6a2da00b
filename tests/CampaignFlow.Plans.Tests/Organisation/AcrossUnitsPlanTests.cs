using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Plans.Tests.Organisation;

/// <summary>
/// A body's plan stating what the units below it must do (<c>acrossUnits</c>, issue 12): read, resolved, kept from the
/// plans below, and every mistake at its line and column.
/// </summary>
public class AcrossUnitsPlanTests
{
    private const string District = """
        plan: weidu-district-2014
        title: 魏都区深入开展党的群众路线教育实践活动实施意见
        unit: { id: weidu-district, name: 中共魏都区委, kind: district-committee }
        campaign: { year: 2014, window: 3月-9月 }
        unitKinds: { district-committee: 区委, street: 街道, community: 社区 }
        activities:
          mass-evaluation: 群众评价
          contact-point-opinions: 到联系点征求意见建议
        phases:
          - id: study
            title: 学习教育、听取意见
            window: 3月-4月
            actions:
              - { id: mass-evaluation, activity: mass-evaluation, source: [WD-05] }
              - { id: contact-points, activity: contact-point-opinions, appliesTo: [street], source: [WD-06] }
              - id: units-mass-evaluation
                activity: mass-evaluation
                source: [WD-05]
                acrossUnits: 80%
              - id: streets-contact-points
                activity: contact-point-opinions
                by: 4月15日
                source: [WD-06]
                acrossUnits: { kinds: [street], afterBody: 10天, perGroup: true }
        """;

    private const string Street = """
        plan: weidu-dongda-street-2014
        title: 东大街道实施方案
        inherits: weidu-district-2014
        unit: { id: weidu-dongda-street, name: 东大街道, kind: street, parent: weidu-district }
        campaign: { year: 2014, window: 3月-9月 }
        """;

    [Fact]
    public void The_bodys_requirements_over_its_units_carry_their_kinds_share_and_time_after_the_body()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", District));

        catalog.Diagnostics.ShouldBeEmpty();
        var district = catalog.Plans["weidu-district-2014"];
        var share = district.Requirements.Single(r => r.ActionId == "units-mass-evaluation").Across.ShouldNotBeNull();
        share.Kinds.ShouldBeEmpty("every unit below");
        share.Share!.Text.ShouldBe("80%");
        share.AfterBody.ShouldBeNull();
        var contact = district.Requirements.Where(r => r.ActionId == "streets-contact-points").ToArray();
        contact.Select(r => r.Kind).ShouldBe([RequirementKind.CountInWindow, RequirementKind.Deadline], ignoreOrder: true);
        contact.ShouldAllBe(r => r.Across!.Kinds.Single() == "street" && r.Across.AfterBody!.Text == "10天" && r.Across.PerGroup);
        district.Actions.Select(a => a.Id).ShouldNotContain("contact-points", "an action written for streets is not the district's own");
    }

    [Fact]
    public void The_plans_below_do_not_inherit_the_bodys_requirements_over_its_units()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", District), ("weidu-dongda-street-2014.yaml", Street));

        catalog.Diagnostics.ShouldBeEmpty();
        catalog.Plans["weidu-dongda-street-2014"].Actions.Select(a => a.Id).ShouldBe(["mass-evaluation", "contact-points"], ignoreOrder: true);
        catalog.Plans["weidu-dongda-street-2014"].Requirements.ShouldAllBe(r => r.Across == null);
    }

    [Theory]
    [InlineData("acrossUnits: { kinds: [stret] }", "unknown-unit-kind", 10, 28)]
    [InlineData("acrossUnits: 120%", "threshold-out-of-range", 10, 18)]
    [InlineData("acrossUnits: { afterBody: 3次 }", "amount-must-be-time", 10, 31)]
    [InlineData("acrossUnits: 100%\n    per: branch", "across-units-per-unit", 11, 10)]
    [InlineData("acrossUnits: 100%\n    who: { people: [wang-jianguo] }", "across-members-by-role", 11, 20)]
    [InlineData("acrossUnits: { perGroup: true }\n    who: leadership", "across-members-per-group", 10, 30)]
    [InlineData("acrossUnits: 100%\n    who: leadership\n    atLeast: 8小时\n    byRank: { 县级: 4小时 }", "across-members-by-rank", 13, 13)]
    public void A_mistake_in_acrossUnits_is_reported_where_it_is_written(string across, string code, int line, int column)
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", $$"""
            plan: weidu-district-2014
            title: 魏都区实施意见
            unit: { id: weidu-district, name: 中共魏都区委, kind: district-committee }
            campaign: { year: 2014, window: 3月-9月 }
            unitKinds: { district-committee: 区委, street: 街道 }
            activities: { mass-evaluation: 群众评价 }
            actions:
              - id: units-mass-evaluation
                activity: mass-evaluation
                {{across}}
            """));

        var finding = catalog.Diagnostics.First(d => d.Code == code);
        (finding.Location.Line, finding.Location.Column).ShouldBe((line, column));
    }

    [Fact]
    public void A_span_over_the_units_below_is_refused()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", """
            plan: weidu-district-2014
            title: 魏都区实施意见
            unit: { id: weidu-district, name: 中共魏都区委, kind: district-committee }
            campaign: { year: 2014, window: 3月-9月 }
            unitKinds: { district-committee: 区委, street: 街道 }
            actions:
              - { id: span, spanAtLeast: 3个月, acrossUnits: 100% }
            """));

        catalog.Diagnostics.ShouldContain(d => d.Code == "across-units-span" && d.Location.Line == 7);
    }
}
