using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// A unit's plan that repeats an inherited link at another level than its parent's (魏都区教育体育局's <c>study</c>
/// written at the top level, where 魏都区区直单位's template has it inside <c>basic-links</c>) is told so, once,
/// with the plan and the place that wrote the link, not a duplicate id and a missing window it cannot place.
/// </summary>
public sealed class InheritedLinkLevelTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cf-link-level-" + Guid.NewGuid().ToString("N"));

    public InheritedLinkLevelTests() => Repository.CopyFolder("definitions", _folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Bureau => Path.Combine(_folder, "weidu-education-bureau-2014.yaml");

    private string Organs => Path.Combine(_folder, "weidu-organs-2014.yaml");

    [Fact]
    public void A_link_written_at_the_top_level_names_the_parent_and_where_it_writes_the_link()
    {
        var studyLine = LinkToTopLevel(Bureau, "basic-links");

        var catalog = PlanCatalog.Load([Bureau]);

        var finding = catalog.Diagnostics.ShouldHaveSingleItem(string.Join("\n", catalog.Diagnostics));
        finding.Code.ShouldBe("inherited-link-level");
        finding.Location.ShouldBe(new SourceLocation(Bureau, studyLine, Column(Bureau, studyLine, "study")));
        // A parent found beside the file is named relative to the working folder, as the catalogue reads it.
        var parentAt = new SourceLocation(Path.GetRelativePath(Environment.CurrentDirectory, Organs), LineOf(Organs, "      - id: study"), Column(Organs, LineOf(Organs, "      - id: study"), "study"));
        finding.Message(new CultureInfo("zh-CN")).ShouldBe(
            $"“study”是继承的环节：方案“weidu-organs-2014”把它写在“basic-links”之内（{parentAt}）；须在同一层级重复它，写在“basic-links”的“phases”之下——写在这里就成了另一个编号为“study”的环节");
        finding.Message(CultureInfo.InvariantCulture).ShouldBe(
            $"'study' is an inherited link: the plan 'weidu-organs-2014' writes it inside 'basic-links' ({parentAt}); repeat it at the same level, in the 'phases' of 'basic-links' — written here it is a second phase 'study'");
        catalog.Plans.ContainsKey("weidu-education-bureau-2014").ShouldBeFalse();
    }

    [Fact]
    public void A_top_level_phase_written_inside_another_names_the_parent_that_has_it_at_the_top()
    {
        // 魏都区区直单位's template nests its own link 'basic-links' in a phase of its own: the district's top-level
        // 'basic-links' then stands one level too deep, and the template is sent to the district's line.
        var district = Path.Combine(_folder, "weidu-district-2014.yaml");
        var lines = File.ReadAllLines(Organs).ToList();
        var phases = lines.IndexOf("phases:");
        lines.InsertRange(phases + 1, ["  - id: own-frame", "    title: 本单位安排", "    window: 3月-9月", "    overlaps: true", "    phases:"]);
        for (var i = phases + 6; i < lines.Count; i++)
        {
            lines[i] = lines[i].Length > 0 ? "    " + lines[i] : lines[i];
        }

        File.WriteAllLines(Organs, lines);

        var catalog = PlanCatalog.Load([Organs]);

        var errors = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var finding = errors.ShouldHaveSingleItem(string.Join("\n", catalog.Diagnostics));
        finding.Code.ShouldBe("inherited-phase-level");
        var line = LineOf(Organs, "      - id: basic-links");
        finding.Location.ShouldBe(new SourceLocation(Organs, line, Column(Organs, line, "basic-links")));
        var districtLine = LineOf(district, "  - id: basic-links");
        finding.Arguments.ShouldBe(["basic-links", "weidu-district-2014", new SourceLocation(Path.GetRelativePath(Environment.CurrentDirectory, district), districtLine, Column(district, districtLine, "basic-links")).ToString()]);
        finding.Message(new CultureInfo("zh-CN")).ShouldStartWith("“basic-links”是继承的环节：方案“weidu-district-2014”把它写在顶层（");
    }

    [Fact]
    public void The_link_repeated_inside_its_parent_link_is_valid()
    {
        var catalog = PlanCatalog.Load([Bureau]);

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        catalog.Plans.ContainsKey("weidu-education-bureau-2014").ShouldBeTrue();
    }

    // Rewrites the plan's 'phases' so the links inside the top-level phase stand at the top level themselves (the
    // phase's own three lines removed, the rest moved out by one level); returns the line of the first link's id.
    private static int LinkToTopLevel(string file, string phase)
    {
        var lines = File.ReadAllLines(file).ToList();
        var at = lines.IndexOf($"  - id: {phase}");
        at.ShouldBeGreaterThan(0);
        lines.RemoveRange(at, 3); // "- id:", "title:", "phases:"
        for (var i = at; i < lines.Count && (lines[i].Length == 0 || lines[i].StartsWith("    ", StringComparison.Ordinal)); i++)
        {
            lines[i] = lines[i].Length > 0 ? lines[i][4..] : lines[i];
        }

        File.WriteAllLines(file, lines);
        return at + 1;
    }

    private static int LineOf(string file, string text) => File.ReadAllLines(file).ToList().FindIndex(l => l.StartsWith(text, StringComparison.Ordinal)) + 1;

    private static int Column(string file, int line, string id) => File.ReadAllLines(file)[line - 1].IndexOf("id: " + id, StringComparison.Ordinal) + "id: ".Length + 1;
}
