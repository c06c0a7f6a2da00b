using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// A unit below 绵阳市总工会 inherits its plan: it may add to what an action or phase follows (<c>eachAfter</c>,
/// <c>after</c>) but never drop it (issue 18): a dropped <c>eachAfter: [research-trip]</c> would let a returned report
/// stand without the new trip MY-18 asks for, and nothing would say so.
/// </summary>
public class InheritedOrderTests
{
    private const string Child = """
        plan: mianyang-ftu-office-2014
        title: 绵阳市总工会机关实施方案
        unit: { id: mianyang-ftu-office, name: 绵阳市总工会机关, kind: mass-organisation, parent: mianyang-ftu }
        inherits: mianyang-ftu-2014
        campaign: { year: 2014, window: 2月-9月 }
        roster: mianyang-ftu.roster.yaml
        phases:
          - id: implementation
            title: 具体实施
            phases:
        {{LINKS}}
        """;

    [Fact]
    public void Dropping_an_inherited_eachAfter_is_weakening_the_mandated_action_where_the_child_writes_it()
    {
        var (catalog, file) = Load("""
                  - id: study
                    title: 学习教育、听取意见
                    actions:
                      - { id: research-report, eachAfter: [] }
            """);

        var finding = catalog.Diagnostics.ShouldHaveSingleItem(string.Join("\n", catalog.Diagnostics));
        finding.Code.ShouldBe("weakens-mandated");
        finding.Arguments.Take(3).ShouldBe(["research-report", "eachAfter", "research-trip"]);
        finding.Arguments[^1].ShouldBe("mianyang-ftu-2014");
        var line = File.ReadLines(file).ToList().FindIndex(l => l.Contains("eachAfter: []", StringComparison.Ordinal)) + 1;
        (finding.Location.File, finding.Location.Line).ShouldBe((file, line));
    }

    [Fact]
    public void Adding_to_an_inherited_eachAfter_tightens_it_and_keeps_what_the_body_asked()
    {
        var (catalog, _) = Load("""
                  - id: study
                    title: 学习教育、听取意见
                    actions:
                      - { id: research-report, eachAfter: [research-trip, opinion-collection] }
            """);

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var plan = catalog.Plans["mianyang-ftu-office-2014"];
        var each = plan.Requirements.OfType<CampaignFlow.Plans.Requirements.OrderEach>().ShouldHaveSingleItem();
        each.After.ShouldBe(["research-trip", "opinion-collection"]);
    }

    [Fact]
    public void A_link_that_repeats_an_inherited_phase_keeps_its_after_and_may_not_drop_it()
    {
        var (kept, _) = Load("""
                  - id: criticism
                    title: 查摆问题、开展批评
            """);
        kept.Diagnostics.ShouldBeEmpty(string.Join("\n", kept.Diagnostics));
        Link(kept, "criticism").After.ShouldBe(["study"]);

        var (dropped, file) = Load("""
                  - id: criticism
                    title: 查摆问题、开展批评
                    after: []
            """);
        var finding = dropped.Diagnostics.ShouldHaveSingleItem(string.Join("\n", dropped.Diagnostics));
        finding.Code.ShouldBe("weakens-mandated-phase");
        finding.Arguments.Take(3).ShouldBe(["criticism", "after", "study"]);
        finding.Location.Line.ShouldBe(File.ReadLines(file).ToList().FindIndex(l => l.Contains("after: []", StringComparison.Ordinal)) + 1);
    }

    private static CampaignFlow.Plans.Resolution.ResolvedPhase Link(PlanCatalog catalog, string id) =>
        catalog.Plans["mianyang-ftu-office-2014"].Phases.SelectMany(p => p.Links.Prepend(p)).Single(p => p.Id == id);

    private static (PlanCatalog Catalog, string File) Load(string links)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-inherited-order-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "calendar"));
        foreach (var name in new[] { "mianyang-ftu-2014.yaml", "mianyang-ftu.roster.yaml" })
        {
            File.Copy(Repository.Path("definitions", name), Path.Combine(folder, name));
        }

        File.Copy(Repository.Path("definitions", "calendar", "china.holidays.yaml"), Path.Combine(folder, "calendar", "china.holidays.yaml"));
        var file = Path.Combine(folder, "mianyang-ftu-office-2014.yaml");
        File.WriteAllText(file, Child.Replace("{{LINKS}}", links.TrimEnd(), StringComparison.Ordinal));
        return (PlanCatalog.Load([file]), file);
    }
}
