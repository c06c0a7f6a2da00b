using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Organisation;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Organisation;

/// <summary>
/// WD-03: the units below 魏都区委, one line each in an organisation file, each running its own plan or the template
/// its body issues for its kind; every mistake in the file at its line and column.
/// </summary>
public class OrganisationTests
{
    private const string District = """
        plan: weidu-district-2014
        title: 魏都区深入开展党的群众路线教育实践活动实施意见
        unit: { id: weidu-district, name: 中共魏都区委, kind: district-committee }
        campaign: { year: 2014, window: 3月-9月 }
        unitKinds: { street: 街道, community: 社区, school: 学校 }
        focusByUnitKind:
          street: [服务群众“最后一公里”问题]
          school: [乱收费问题]
        activities:
          mass-evaluation: 群众评价
          home-visit: 走访慰问回头看
        phases:
          - id: study
            title: 学习教育、听取意见
            window: 3月-4月
            actions:
              - { id: mass-evaluation, activity: mass-evaluation, source: [WD-05] }
              - { id: home-visits, activity: home-visit, appliesTo: [street], source: [WD-07] }
        """;

    private const string Streets = """
        plan: weidu-streets-2014
        title: 街道实施方案（模板）
        inherits: weidu-district-2014
        template: { appliesTo: [street] }
        campaign: { year: 2014, window: 3月-9月 }
        focus: [作风虚浮]
        """;

    private const string Grassroots = """
        plan: weidu-grassroots-2014
        title: 社区和学校实施方案（模板）
        inherits: weidu-district-2014
        template:
          appliesTo: [community, school]
        campaign: { year: 2014, window: 3月-9月 }
        """;

    private const string Tree = """
        id,name,kind,parent
        weidu-district,中共魏都区委,district-committee,
        dongda,东大街道,street,weidu-district
        chunqiu,春秋社区,community,dongda
        wenfeng-primary,文峰小学,school,weidu-district
        """;

    [Fact]
    public void The_seed_district_lists_more_than_fifty_units_of_every_kind_each_running_a_plan()
    {
        var catalog = PlanCatalog.Load([Repository.Path("definitions")]);

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        // The district's units; the bodies above the seed units (bodies-above.units.yaml) name no kind and run nothing.
        var units = catalog.Organisation.Units.Where(u => u.Kind is not null).ToArray();
        units.Length.ShouldBeGreaterThanOrEqualTo(50);
        units.Select(u => u.Kind).Distinct().ShouldBe(
            ["district-committee", "district-organs", "law-enforcement-windows", "street", "community", "non-public-enterprise", "social-organisation", "school"],
            ignoreOrder: true);
        catalog.Organisation.TemplateOf("weidu-xiguan-street").ShouldBeNull("西关街道 runs its own plan");
        catalog.Organisation.TemplateOf("weidu-district").ShouldBeNull("the district is the body; it runs no template");
        catalog.Organisation.TemplateOf("weidu-xida-street").ShouldBe("weidu-streets-2014");
        catalog.Organisation.TemplateOf("weidu-dongda-street").ShouldBeNull("东大街道's line names a roster: it runs the plan generated for it");
        catalog.Plans["weidu-dongda-street-2014"].Inherits.ShouldBe("weidu-streets-2014");
        catalog.Organisation.TemplateOf("weidu-jianshelu-community").ShouldBe("weidu-grassroots-2014", "a community's street issues no template: the district's serves it");
        catalog.Organisation.UnitsOnTemplates.GroupBy(u => u.TemplateId).ShouldAllBe(g => g.Count() >= 3, "several units share one template per kind");
        units.Where(u => u.Id != "weidu-district").ShouldAllBe(u => catalog.Organisation.TemplateOf(u.Id) != null || catalog.Plans.Values.Any(p => p.Unit.Id == u.Id));
    }

    [Fact]
    public void A_unit_that_names_its_people_writes_a_plan_inheriting_its_kinds_template()
    {
        var catalog = PlanCatalog.Load([Repository.Path("definitions")]);

        var bureau = catalog.Plans["weidu-education-bureau-2014"];
        catalog.Organisation.TemplateOf("weidu-education-bureau").ShouldBeNull("its own plan wins");
        bureau.Inherits.ShouldBe("weidu-organs-2014");
        bureau.Focus.ShouldContain("庸懒散拖、推诿扯皮", "the focus of 区直单位 (WD-04) reaches it through the template");
        var visits = bureau.Actions.Single(a => a.Id == "contact-point-opinions");
        visits.DefinedIn.ShouldBe("weidu-district-2014", "WD-06 is the district's, passed on by the template");
        visits.Requirements.ShouldHaveSingleItem().Targets.ShouldBe(["zhao-guoqing", "qian-li", "wu-haitao"], "per leader, now that it names its people");
    }

    [Fact]
    public void A_template_keeps_the_mandated_actions_of_its_kinds_and_names_each_unit_that_runs_it()
    {
        var catalog = Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("weidu-grassroots-2014.yaml", Grassroots), ("units/weidu.units.csv", Tree));

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var streets = catalog.Plans["weidu-streets-2014"];
        streets.Template.ShouldNotBeNull().Body.ShouldBe("weidu-district", "by default the body of the plan it inherits");
        streets.Actions.Select(a => a.Id).ShouldBe(["mass-evaluation", "home-visits"], ignoreOrder: true);
        catalog.Plans["weidu-grassroots-2014"].Actions.Select(a => a.Id).ShouldBe(["mass-evaluation"], "WD-07's home visits bind streets only");

        var dongda = ResolvedTemplate.ForUnit(streets, catalog.Organisation.Find("dongda")!);
        dongda.Unit.ShouldBe(new ResolvedUnit("dongda", "东大街道", "street", "weidu-district"));
        dongda.Focus.ShouldBe(["服务群众“最后一公里”问题", "作风虚浮"], "the kind's focus from the district, then the template's own");
        dongda.Actions.ShouldBeSameAs(streets.Actions, "every unit shares the template's one resolution");
        catalog.Organisation.UnitsOnTemplates.Select(u => (u.Unit.Id, u.TemplateId)).ShouldBe(
            [("dongda", "weidu-streets-2014"), ("chunqiu", "weidu-grassroots-2014"), ("wenfeng-primary", "weidu-grassroots-2014")]);
    }

    [Fact]
    public void A_template_over_kinds_an_inherited_action_splits_is_refused_at_its_kinds()
    {
        var catalog = Load(("weidu-district-2014.yaml", District), ("mixed.yaml", """
            plan: weidu-mixed-2014
            title: 混合模板
            inherits: weidu-district-2014
            template:
              appliesTo: [street, school]
            campaign: { year: 2014, window: 3月-9月 }
            """));

        var error = catalog.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("template-kinds-differ");
        (error.Location.Line, error.Location.Column).ShouldBe((5, 14));
        error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("home-visits");
    }

    [Fact]
    public void A_plan_names_its_unit_or_is_a_template_never_both_nor_neither()
    {
        var both = Load(("weidu-district-2014.yaml", District), ("both.yaml", Streets.Replace("template:", "unit: { id: x, name: 某街道, kind: street }\ntemplate:")));
        both.Diagnostics.Select(d => d.Code).ShouldBe(["template-with-unit"]);

        var neither = Load(("neither.yaml", "plan: p\ntitle: 无单位\ncampaign: { year: 2014, window: 3月-9月 }\n"));
        neither.Diagnostics.Select(d => (d.Code, d.Location.Line)).ShouldBe([("missing-key", 1)]);

        var orphan = Load(("orphan.yaml", "plan: p\ntitle: 无上级\ntemplate: { appliesTo: [street] }\ncampaign: { year: 2014, window: 3月-9月 }\n"));
        orphan.Diagnostics.Select(d => (d.Code, d.Location.Line)).ShouldContain(("template-body-missing", 3));
    }

    [Fact]
    public void Every_mistake_of_a_csv_tree_is_reported_at_its_line_and_column()
    {
        var catalog = Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("weidu-grassroots-2014.yaml", Grassroots), ("units/weidu.units.csv", Tree + "\n" + """
            dongda,东大街道（重复）,street,weidu-district
            clinic,社区卫生站,hospital,weidu-district
            lost,某社区,community,weidu-distrct
            loop-a,甲,community,loop-b
            loop-b,乙,community,loop-a
            ,无名,school,weidu-district
            """));

        catalog.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).ShouldBe(
        [
            ("duplicate-unit", 6, 1),
            ("no-template-for-kind", 7, 14),
            ("unknown-parent", 8, 20),
            ("parent-cycle", 9, 20),
            ("organisation-field-missing", 11, 1),
        ]);
        catalog.Diagnostics.ShouldAllBe(d => d.Location.File.EndsWith("weidu.units.csv"));
        catalog.Diagnostics.Single(d => d.Code == "unknown-parent").Message(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("did you mean 'weidu-district'");
        catalog.Organisation.TemplateOf("loop-a").ShouldBeNull("a unit in a circle runs nothing");
    }

    [Fact]
    public void A_yaml_tree_reads_like_the_csv_one_and_a_wrong_header_is_named()
    {
        var yaml = Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("weidu.units.yaml", """
            units:
              - { id: dongda, name: 东大街道, kind: street, parent: weidu-district }
              - { id: xinxing, name: 新兴街道, kind: stret, parent: weidu-district }
            """));
        yaml.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).ShouldBe([("no-template-for-kind", 3, 38)]);
        yaml.Organisation.TemplateOf("dongda").ShouldBe("weidu-streets-2014");

        var header = Load(("weidu-district-2014.yaml", District), ("weidu.units.csv", "id,nmae,kind,parent\ndongda,东大街道,street,weidu-district\n"));
        header.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).ShouldBe([("organisation-header", 1, 1), ("organisation-unknown-column", 1, 4)]);
    }

    [Fact]
    public void The_seed_districts_two_groups_cover_every_unit_once_each_led_by_a_leader()
    {
        var chart = PlanCatalog.Load([Repository.Path("definitions")]).Organisation;

        chart.Groups.Select(g => g.Id).ShouldBe(["weidu-group-1", "weidu-group-3"]);
        chart.Groups.ShouldAllBe(g => g.Leader.Length > 0);
        chart.Groups.SelectMany(g => g.Units).ShouldBe(chart.Units.Where(u => u.Kind is not null).Select(u => u.Id).Where(u => u != "weidu-district"), ignoreOrder: true, "every unit below the district; the bodies above the seed units name no kind");
        chart.GroupOf("weidu-xiguan-street")!.Name.ShouldBe("区委第三督导组", "the group its plan names");
        chart.GroupOf("weidu-jianshelu-community")!.Id.ShouldBe("weidu-group-3", "a community below a street is in the street's subtree of the district");
        chart.GroupOf("weidu-court")!.Id.ShouldBe("weidu-group-1");
    }

    [Fact]
    public void Every_mistake_of_a_groups_file_is_reported_at_its_line_and_column()
    {
        var catalog = Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("weidu-grassroots-2014.yaml", Grassroots), ("units/weidu.units.csv", Tree),
            ("units/weidu.groups.yaml", """
            groups:
              - { id: g1, name: 第一组, leader: 王建国, covers: { units: [dongda, dongdaa] } }
              - { id: g2, name: 第二组, leader: 陈志刚, covers: { kinds: [community, scool], under: weidu-district } }
              - { id: g1, name: 重复, leader: 某, covers: { units: [dongda] } }
              - { id: g3, name: 无人, leader: 某, covers: { units: [dongda] } }
              - { id: g4, name: 无组长, covers: { under: dongda } }
            """));

        catalog.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).ShouldBe(
        [
            ("unknown-unit", 2, 65),
            ("unknown-unit-kind", 3, 68),
            ("duplicate-group", 4, 11),
            ("unit-in-several-groups", 5, 44),
            ("group-covers-nothing", 5, 44),
            ("missing-key", 6, 5),
            ("unit-in-several-groups", 6, 34),
            ("group-covers-nothing", 6, 34),
        ]);
        catalog.Diagnostics.Single(d => d.Code == "unknown-unit").Message(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("did you mean 'dongda'");
        catalog.Organisation.GroupOf("dongda")!.Id.ShouldBe("g1");
        catalog.Organisation.GroupOf("chunqiu")!.Id.ShouldBe("g2");
    }

    [Fact]
    public void Two_groups_overlapping_on_many_units_are_one_finding_naming_how_many()
    {
        var catalog = Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("weidu-grassroots-2014.yaml", Grassroots),
            ("units/weidu.units.csv", Tree + "\nxinxing,新兴街道,street,weidu-district\nwenfeng,文峰街道,street,weidu-district"),
            ("units/weidu.groups.yaml", """
            groups:
              - { id: g1, name: 第一组, leader: 王建国, covers: { kinds: [street] } }
              - { id: g2, name: 第二组, leader: 陈志刚, covers: { under: weidu-district } }
            """));

        var overlap = catalog.Diagnostics.ShouldHaveSingleItem();
        overlap.Code.ShouldBe("unit-in-several-groups");
        overlap.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("the unit 'dongda (+2)' is covered by 'g1' already; 'g2' does not review it");
        catalog.Organisation.Groups.Single(g => g.Id == "g2").Units.ShouldBe(["chunqiu", "wenfeng-primary"]);
    }

    [Fact]
    public void Two_groups_of_one_name_are_a_warning_at_the_second_name()
    {
        var catalog = Load(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("weidu-grassroots-2014.yaml", Grassroots), ("units/weidu.units.csv", Tree),
            ("units/weidu.groups.yaml", """
            groups:
              - { id: g1, name: 区委督导组, leader: 王建国, covers: { units: [dongda] } }
              - { id: g2, name: 区委督导组, leader: 陈志刚, covers: { units: [chunqiu] } }
            """));

        catalog.Diagnostics.Select(d => (d.Code, d.Severity, d.Location.Line, d.Location.Column)).ShouldBe([("duplicate-group-name", DiagnosticSeverity.Warning, 3, 21)]);
    }

    [Fact]
    public void An_organisation_file_checked_alone_finds_the_templates_beside_it_and_above()
    {
        var folder = Write(("weidu-district-2014.yaml", District), ("weidu-streets-2014.yaml", Streets), ("weidu-grassroots-2014.yaml", Grassroots), ("units/weidu.units.csv", Tree));

        var catalog = PlanCatalog.Load([Path.Combine(folder, "units", "weidu.units.csv")]);

        catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        catalog.OrganisationFiles.ShouldHaveSingleItem();
        catalog.Organisation.UnitsOnTemplates.Count().ShouldBe(3);
    }

    private static PlanCatalog Load(params (string Name, string Text)[] files) => PlanFolder.Load(files);

    private static string Write(params (string Name, string Text)[] files) => PlanFolder.Write(files);
}
