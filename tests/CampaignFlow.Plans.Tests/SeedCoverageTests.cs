using System.Text.RegularExpressions;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests;

/// <summary>
/// Every checkable sentence of the two full plans (000 番禺, 003 绵阳) and the district plan (004 魏都) is cited by a
/// plan in definitions/, or listed in definitions/README.md with the reason it cannot be expressed yet.
/// </summary>
public partial class SeedCoverageTests
{
    public static TheoryData<string> CatalogueIds() => new(
        IdPattern().Matches(File.ReadAllText(Repository.Path("docs", "seed-requirements.md")))
            .Select(m => m.Value)
            .Where(id => id.StartsWith("PY-", StringComparison.Ordinal) || id.StartsWith("MY-", StringComparison.Ordinal) || id.StartsWith("WD-", StringComparison.Ordinal))
            .Distinct());

    [Theory]
    [MemberData(nameof(CatalogueIds))]
    public void Each_requirement_of_the_full_plans_is_cited_or_explained(string id)
    {
        var citing = PlanTexts().Where(t => Regex.IsMatch(t.Text, $@"\b{id}\b")).Select(t => t.File).ToArray();
        var explained = File.ReadAllLines(Repository.Path("definitions", "README.md")).Any(l => l.Contains(id, StringComparison.Ordinal) && l.Contains("not expressed", StringComparison.OrdinalIgnoreCase));
        (citing.Length > 0 || explained).ShouldBeTrue($"{id} is cited by no plan in definitions/ and not listed as 'not expressed' in definitions/README.md");
    }

    [Fact]
    public void The_resolved_seed_plans_cite_their_sentences_in_source_fields()
    {
        var catalog = PlanCatalog.Load([Repository.Path("definitions")]);
        catalog.HasErrors.ShouldBeFalse(string.Join("\n", catalog.Diagnostics));
        var cited = catalog.Plans.Values.SelectMany(p => p.Requirements).SelectMany(r => r.Source).ToHashSet();
        cited.ShouldContain("PY-05");
        cited.ShouldContain("MY-12");
        cited.ShouldContain("WD-02");
    }

    private static IEnumerable<(string File, string Text)> PlanTexts() =>
        Directory.EnumerateFiles(Repository.Path("definitions"), "*.yaml").Select(f => (f, File.ReadAllText(f)));

    [GeneratedRegex(@"\b(PY|MY|WD|GX|AH)-\d\d\b")]
    private static partial Regex IdPattern();
}
