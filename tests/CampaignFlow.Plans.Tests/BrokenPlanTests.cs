using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests;

/// <summary>
/// The corpus under Broken/: each file is a valid plan with one mistake, and ends with the findings it must
/// produce ("# expect: CODE LINE:COLUMN"). Files starting with '_' are context (a parent plan), not cases.
/// </summary>
public class BrokenPlanTests
{
    private static readonly string Folder = Repository.Path("tests", "CampaignFlow.Plans.Tests", "Broken");

    public static TheoryData<string> Cases() => new(CaseNames());

    private static IEnumerable<string> CaseNames() =>
        Directory.EnumerateFiles(Folder, "*.yaml")
            .Select(f => System.IO.Path.GetFileName(f))
            .Where(f => !f.StartsWith('_'))
            .Order();

    [Fact]
    public void The_corpus_holds_at_least_forty_distinct_mistakes()
    {
        var cases = CaseNames().ToArray();
        cases.Length.ShouldBeGreaterThanOrEqualTo(40);
        cases.Select(c => Expectations(System.IO.Path.Combine(Folder, c))[0]).Distinct().Count().ShouldBe(cases.Length);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_broken_plan_yields_exactly_the_expected_error_at_the_expected_place(string name)
    {
        var file = System.IO.Path.Combine(Folder, name);
        var catalog = PlanCatalog.Load([file]);

        var errors = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Code} {d.Location.Line}:{d.Location.Column}")
            .ToArray();
        errors.ShouldBe(Expectations(file), ignoreOrder: true, customMessage: string.Join("\n", catalog.Diagnostics.Select(d => d.ToString())));
        catalog.Diagnostics.ShouldAllBe(d => d.Location.File == file);
        catalog.Plans.ContainsKey(System.IO.Path.GetFileNameWithoutExtension(name)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_finding_reads_as_words_in_english_and_chinese(string name)
    {
        var catalog = PlanCatalog.Load([System.IO.Path.Combine(Folder, name)]);
        foreach (var diagnostic in catalog.Diagnostics)
        {
            MessageCatalog.Contains(diagnostic.Code).ShouldBeTrue(diagnostic.Code);
            var english = diagnostic.Message(CultureInfo.InvariantCulture);
            var chinese = diagnostic.Message(new CultureInfo("zh-CN"));
            english.ShouldNotContain("{");
            chinese.ShouldNotContain("{");
            chinese.ShouldNotBe(english);
        }
    }

    private static string[] Expectations(string file) =>
        File.ReadLines(file).Where(l => l.StartsWith("# expect: ", StringComparison.Ordinal)).Select(l => l["# expect: ".Length..].Trim()).ToArray();
}
