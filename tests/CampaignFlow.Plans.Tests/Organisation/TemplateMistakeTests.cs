using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Organisation;

/// <summary>
/// The seed's templates and 魏都区's organisation file (definitions/) with one mistake each: every mistake is reported
/// once, where it was made, and not again at every unit it leaves without a plan.
/// </summary>
public class TemplateMistakeTests
{
    [Fact]
    public void A_template_that_fails_to_load_is_reported_once_and_not_again_at_each_of_its_units()
    {
        var folder = Seed(("weidu-streets-2014.yaml", "window: 3月中旬-5月底           # invented\n", "window: 13月\n"));

        var catalog = PlanCatalog.Load([folder]);

        var errors = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        errors.ShouldHaveSingleItem(string.Join("\n", errors)).Code.ShouldBe("month-out-of-range");
        errors[0].Location.File.ShouldEndWith("weidu-streets-2014.yaml");
    }

    [Fact]
    public void An_organisation_file_checked_alone_reports_why_a_template_of_its_units_failed()
    {
        var folder = Seed(("weidu-streets-2014.yaml", "window: 3月中旬-5月底           # invented\n", "window: 13月\n"));

        var catalog = PlanCatalog.Load([Path.Combine(folder, "organisation", "weidu-district.units.csv")]);

        var errors = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        errors.ShouldHaveSingleItem(string.Join("\n", errors)).Code.ShouldBe("month-out-of-range");
        errors[0].Location.File.ShouldEndWith("weidu-streets-2014.yaml");
    }

    [Fact]
    public void A_template_whose_body_is_no_unit_is_an_error_at_its_body()
    {
        var folder = Seed(("weidu-streets-2014.yaml", "template:\n  appliesTo: [street]\n", "template:\n  body: weidu-distrct\n  appliesTo: [street]\n"));

        var catalog = PlanCatalog.Load([folder]);

        var body = catalog.Diagnostics.Where(d => d.Code == "unknown-template-body").ShouldHaveSingleItem();
        body.Severity.ShouldBe(DiagnosticSeverity.Error);
        (body.Location.File.EndsWith("weidu-streets-2014.yaml", StringComparison.Ordinal), body.Location.Line, body.Location.Column).ShouldBe((true, 9, 9));
        body.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("did you mean 'weidu-district'");
    }

    [Fact]
    public void A_unit_whose_parent_is_a_templates_plan_id_has_an_unknown_parent()
    {
        var folder = Seed();
        File.AppendAllText(Path.Combine(folder, "organisation", "weidu-district.units.csv"), "weidu-new-community,新社区,community,weidu-streets-2014\n");

        var catalog = PlanCatalog.Load([folder]);

        var parent = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();
        parent.Code.ShouldBe("unknown-parent", "a template's plan id names no unit: its stand-in unit is no body");
        catalog.Organisation.TemplateOf("weidu-new-community").ShouldBeNull();
    }

    [Fact]
    public void Two_templates_for_one_kind_are_reported_at_the_second_templates_kinds()
    {
        var folder = Seed();
        File.WriteAllText(Path.Combine(folder, "weidu-streets-bis-2014.yaml"), File.ReadAllText(Path.Combine(folder, "weidu-streets-2014.yaml"))
            .Replace("plan: weidu-streets-2014", "plan: weidu-streets-bis-2014", StringComparison.Ordinal));

        var catalog = PlanCatalog.Load([folder]);

        var several = catalog.Diagnostics.Where(d => d.Code == "several-templates").ShouldHaveSingleItem();
        (Path.GetFileName(several.Location.File), several.Location.Line, several.Location.Column).ShouldBe(("weidu-streets-bis-2014.yaml", 9, 14));
        catalog.Organisation.TemplateOf("weidu-xida-street").ShouldBe("weidu-streets-2014", "the first by plan id serves the kind");
    }

    // An author reads the kinds in the district's text (执法监管部门和窗口单位), not their ids: the title points to the id.
    [Fact]
    public void A_unit_kind_written_as_its_title_is_an_error_that_names_its_id()
    {
        var folder = Seed(("weidu-industry-commerce-2014.yaml", "kind: law-enforcement-windows,", "kind: 执法监管部门和窗口单位,"));

        var catalog = PlanCatalog.Load([folder]);

        var error = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();
        error.Code.ShouldBe("unknown-unit-kind");
        error.Location.File.ShouldEndWith("weidu-industry-commerce-2014.yaml");
        error.Suggestion.ShouldBe("law-enforcement-windows");
        error.Message(new System.Globalization.CultureInfo("zh-CN")).ShouldContain("law-enforcement-windows");
    }

    // A copy of definitions/ with each (file, old, new) replaced once; the copy's files are the seed's otherwise.
    private static string Seed(params (string File, string Old, string New)[] edits)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-template-mistakes-" + Guid.NewGuid().ToString("N"));
        Repository.CopyFolder("definitions", folder);

        foreach (var (file, old, @new) in edits)
        {
            var path = Path.Combine(folder, file);
            var text = File.ReadAllText(path);
            text.ShouldContain(old);
            File.WriteAllText(path, text.Replace(old, @new, StringComparison.Ordinal));
        }

        return folder;
    }
}
