using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Reading;

/// <summary>Plans resolved from texts (a published version, an upload) exactly as from their files.</summary>
public class PlanTextTests
{
    private static PlanText Text(string name) => new(name, File.ReadAllText(Repository.Path("definitions", name)));

    [Fact]
    public void A_plan_without_a_campaign_is_told_so_once_and_not_that_its_year_is_zero()
    {
        var catalog = PlanCatalog.LoadTexts([new PlanText("upload.yaml", "plan: upload\ntitle: 上传的方案\nunit: { id: u, name: 单位 }\n")]);

        catalog.Diagnostics.ShouldNotBeEmpty();
        catalog.Diagnostics.ShouldNotContain(d => d.Code == "year-out-of-range");
        catalog.Diagnostics.ShouldAllBe(d => d.Location.Line > 0);
    }

    [Fact]
    public void A_plan_its_roster_and_its_parent_resolve_from_texts_as_from_files()
    {
        var fromFiles = PlanCatalog.Load([Repository.Path("definitions")]).Plans["weidu-xiguan-street-2014"];

        var fromTexts = PlanCatalog.LoadTexts([Text("weidu-xiguan-street-2014.yaml"), Text("weidu-xiguan-street.roster.yaml"), Text("weidu-district-2014.yaml"), Text("calendar/china.holidays.yaml")]);

        fromTexts.Diagnostics.ShouldBeEmpty(string.Join("\n", fromTexts.Diagnostics));
        var plan = fromTexts.Plans["weidu-xiguan-street-2014"];
        plan.File.ShouldBe("weidu-xiguan-street-2014.yaml");
        plan.Roster.People.Select(p => p.Id).ShouldBe(fromFiles.Roster.People.Select(p => p.Id));
        plan.Requirements.Select(r => r.Id).ShouldBe(fromFiles.Requirements.Select(r => r.Id));
        plan.Actions.Single(a => a.Id == "base-visits").DefinedIn.ShouldBe(fromFiles.Actions.Single(a => a.Id == "base-visits").DefinedIn);
        plan.WorkingCalendar.Years.ShouldBe(fromFiles.WorkingCalendar.Years);
    }

    [Fact]
    public void A_roster_missing_from_the_texts_and_findings_of_only_the_asked_plan_are_reported()
    {
        var catalog = PlanCatalog.LoadTexts([Text("panyu-ftu-2014.yaml"), Text("calendar/china.holidays.yaml")]);
        var missing = catalog.Diagnostics.ShouldHaveSingleItem();
        (missing.Code, missing.Location.File).ShouldBe(("roster-file-missing", "panyu-ftu-2014.yaml"));

        var broken = new PlanText("sub/upload.yaml", Text("weidu-xiguan-street-2014.yaml").Text.Replace("roster: weidu-xiguan-street.roster.yaml", "roster: ../weidu-xiguan-street.roster.yaml", StringComparison.Ordinal));
        var asked = PlanCatalog.LoadTexts([broken, Text("weidu-xiguan-street.roster.yaml"), Text("weidu-district-2014.yaml"), Text("panyu-ftu-2014.yaml"), Text("calendar/china.holidays.yaml")], ["sub/upload.yaml"]);
        asked.Diagnostics.ShouldBeEmpty(string.Join("\n", asked.Diagnostics));
        asked.Files.ShouldBe(["sub/upload.yaml"]);
    }
}
