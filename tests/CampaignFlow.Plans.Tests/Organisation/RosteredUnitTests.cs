using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Plans.Tests.Organisation;

/// <summary>
/// A unit on its kind's template whose line of the organisation file names a roster (WD-06: 班子成员要到分包联系社区):
/// it runs the template resolved against its own people, as the plan <c>campaignflow new</c> would write for it.
/// </summary>
public class RosteredUnitTests
{
    private const string District = """
        plan: weidu-district-2014
        title: 魏都区深入开展党的群众路线教育实践活动实施意见
        unit: { id: weidu-district, name: 中共魏都区委, kind: district-committee }
        campaign: { year: 2014, window: 3月-9月 }
        unitKinds: { street: 街道, community: 社区 }
        activities:
          mass-evaluation: 群众评价
          contact-point-opinions: 到联系点征求意见建议
        phases:
          - id: study
            title: 学习教育、听取意见
            window: 3月-4月
            actions:
              - { id: mass-evaluation, activity: mass-evaluation, source: [WD-05] }
              - { id: contact-point-opinions, activity: contact-point-opinions, per: person, who: leadership, source: [WD-06] }
        """;

    private const string Streets = """
        plan: weidu-streets-2014
        title: 街道实施方案（模板）
        inherits: weidu-district-2014
        template: { appliesTo: [street] }
        campaign: { year: 2014, window: 3月-9月 }
        """;

    private const string DongdaRoster = """
        people:
          - { id: he-zhiqiang, name: 何志强, roles: [principal, leadership, party-member] }
          - { id: feng-xiaoyan, name: 冯晓燕, roles: [leadership, party-member] }
          - { id: shi-lei, name: 石磊, roles: [party-member] }
        """;

    private const string Tree = """
        id,name,kind,parent,roster
        weidu-district,中共魏都区委,district-committee,
        dongda,东大街道,street,weidu-district,rosters/dongda.roster.yaml
        xida,西大街道,street,weidu-district
        """;

    [Fact]
    public void A_unit_whose_line_names_a_roster_runs_the_template_for_each_of_its_people()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets),
            ("organisation/weidu.units.csv", Tree), ("organisation/rosters/dongda.roster.yaml", DongdaRoster));

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var dongda = catalog.Plans["dongda-2014"];
        dongda.Unit.Id.ShouldBe("dongda");
        dongda.Unit.Kind.ShouldBe("street");
        dongda.Unit.Parent.ShouldBe("weidu-district");
        dongda.Inherits.ShouldBe("weidu-streets-2014");
        dongda.Roster.People.Select(p => p.Name).ShouldBe(["何志强", "冯晓燕", "石磊"]);
        dongda.Requirements.Single(r => r.ActionId == "contact-point-opinions").Targets.ShouldBe(["he-zhiqiang", "feng-xiaoyan"], "each leader of its roster");
        catalog.Generated["dongda-2014"].Path.ShouldEndWith("weidu.units.csv#dongda");

        catalog.Organisation.TemplateOf("dongda").ShouldBeNull("it runs the plan generated for it");
        catalog.Organisation.TemplateOf("xida").ShouldBe("weidu-streets-2014", "a line without a roster runs the template itself");
        catalog.Plans["weidu-streets-2014"].Requirements.Single(r => r.ActionId == "contact-point-opinions").Targets.ShouldBeEmpty();
    }

    [Fact]
    public void The_generated_plan_resolves_again_from_its_stored_texts_alone()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets),
            ("organisation/weidu.units.csv", Tree), ("organisation/rosters/dongda.roster.yaml", DongdaRoster));
        var generated = catalog.Generated["dongda-2014"];

        // What a store keeps of a version: the generated text, the roster beside it, the parents' files.
        var stored = PlanCatalog.LoadTexts(
        [
            new PlanText("organisation/weidu.units.csv#dongda", generated.Text(3)),
            new PlanText("organisation/rosters/dongda.roster.yaml", DongdaRoster),
            new PlanText("weidu-streets-2014.yaml", Streets),
            new PlanText("weidu-district-2014.yaml", District),
        ], ["organisation/weidu.units.csv#dongda"]);

        stored.Diagnostics.ShouldBeEmpty(string.Join("\n", stored.Diagnostics));
        stored.Plans["dongda-2014"].Version.ShouldBe(3);
        stored.Plans["dongda-2014"].Requirements.Select(r => (r.Id, Targets: string.Join(",", r.Targets)))
            .ShouldBe(catalog.Plans["dongda-2014"].Requirements.Select(r => (r.Id, Targets: string.Join(",", r.Targets))));
        RosteredUnitPlan.IsGeneratedPath("organisation/weidu.units.csv#dongda").ShouldBeTrue();
        RosteredUnitPlan.IsGeneratedPath("weidu-streets-2014.yaml").ShouldBeFalse();
    }

    [Fact]
    public void A_missing_roster_file_is_reported_at_its_cell_of_a_csv_or_yaml_line()
    {
        var csv = PlanFolder.Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("organisation/weidu.units.csv", Tree));
        var finding = csv.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, Path.GetFileName(finding.Location.File), finding.Location.Line, finding.Location.Column).ShouldBe(("organisation-roster-missing", "weidu.units.csv", 3, 35));

        var yaml = PlanFolder.Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("weidu.units.yaml", """
            units:
              - { id: dongda, name: 东大街道, kind: street, parent: weidu-district, roster: dongda.roster.yaml }
            """));
        yaml.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).ShouldBe([("organisation-roster-missing", 2, 77)]);
    }

    [Fact]
    public void A_mistake_inside_the_roster_is_reported_in_the_roster_file()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets),
            ("organisation/weidu.units.csv", Tree), ("organisation/rosters/dongda.roster.yaml", """
                people:
                  - { id: he-zhiqiang, name: 何志强, roles: [leadrship] }
                """));

        var finding = catalog.Diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error).ShouldHaveSingleItem();
        (finding.Code, Path.GetFileName(finding.Location.File), finding.Location.Line).ShouldBe(("unknown-role", "dongda.roster.yaml", 2));
        catalog.Plans.ContainsKey("dongda-2014").ShouldBeFalse("a plan with errors does not run");
        var nobody = catalog.Diagnostics.Single(d => d.Code == "selects-nobody");
        (Path.GetFileName(nobody.Location.File), nobody.Location.Line).ShouldBe(("weidu.units.csv", 3), "the unit's line, not the district's action once per unit");
    }

    [Fact]
    public void A_roster_beside_a_plan_of_the_units_own_is_not_used_and_says_so()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets),
            ("organisation/weidu.units.csv", Tree), ("organisation/rosters/dongda.roster.yaml", DongdaRoster),
            ("dongda-own.yaml", """
                plan: dongda-own-2014
                title: 东大街道实施方案
                unit: { id: dongda, name: 东大街道, kind: street, parent: weidu-district }
                inherits: weidu-streets-2014
                campaign: { year: 2014, window: 3月-9月 }
                """));

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Severity, finding.Location.Line).ShouldBe(("roster-beside-own-plan", Diagnostics.DiagnosticSeverity.Warning, 3));
        catalog.Plans.ContainsKey("dongda-2014").ShouldBeFalse();
    }

    [Fact]
    public void A_plan_id_the_unit_would_take_is_reported_at_the_line()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets),
            ("organisation/weidu.units.csv", Tree), ("organisation/rosters/dongda.roster.yaml", DongdaRoster),
            ("other.yaml", """
                plan: dongda-2014
                title: 另一个单位的方案
                unit: { id: someone-else, name: 别的单位, kind: street, parent: weidu-district }
                inherits: weidu-streets-2014
                campaign: { year: 2014, window: 3月-9月 }
                """));

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, Path.GetFileName(finding.Location.File), finding.Location.Line).ShouldBe(("rostered-plan-id-taken", "weidu.units.csv", 3));
    }

    [Fact]
    public void A_body_may_count_the_members_of_the_units_below_by_role_never_by_id()
    {
        var catalog = PlanFolder.Load(("weidu-district-2014.yaml", District.Replace(
            "      - { id: contact-point-opinions,",
            "      - { id: members-mass-evaluation, activity: mass-evaluation, who: party-member, acrossUnits: 90%, source: [WD-05] }\n      - { id: contact-point-opinions,",
            StringComparison.Ordinal)));

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var requirement = catalog.Plans["weidu-district-2014"].Requirements.Single(r => r.ActionId == "members-mass-evaluation");
        requirement.Scope.ShouldBe(Scope.Person);
        requirement.Targets.ShouldBeEmpty("the members are in the units' rosters, not the body's");
        requirement.Across!.Members.ShouldBe(new MemberFilter("party-member", null, null));
        requirement.Across.Share!.Text.ShouldBe("90%");
    }
}
