using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Docs;

/// <summary>
/// The plan format's guides say what the tool does: the Chinese guide names every key of the plan schema, and in
/// both guides every whole plan shown validates, every mistake example gives the finding it names.
/// </summary>
public partial class PlanFormatGuideTests
{
    private const string Chinese = "docs/plan-format.zh-CN.md";
    private static readonly string[] Guides = [Chinese, "docs/plan-format.md"];

    public static TheoryData<string, int> WholePlans() => Blocks(s => s.PlanId is not null && s.ExpectedFinding is null);

    public static TheoryData<string, int> MistakeExamples() => Blocks(s => s.ExpectedFinding is not null);

    [Fact]
    public void The_Chinese_guide_names_every_key_of_the_plan_schema()
    {
        var guide = File.ReadAllText(Repository.Path("docs", "plan-format.zh-CN.md"));

        var missing = SchemaPropertyNames().Where(name => !Regex.IsMatch(guide, $@"(?<=[`\s{{\[,(]){Regex.Escape(name)}(?=[`:])")).ToArray();

        missing.ShouldBeEmpty("keys of docs/plan.schema.json the Chinese guide does not name (as `key` or key:)");
    }

    [Fact]
    public void The_Chinese_guide_shows_whole_plans_and_mistakes_with_what_validate_prints()
    {
        var snippets = YamlSnippet.In(Chinese);

        snippets.Count(s => s.PlanId is not null && s.ExpectedFinding is null).ShouldBeGreaterThanOrEqualTo(3);
        var mistakes = snippets.Where(s => s.ExpectedFinding is not null).ToArray();
        mistakes.Length.ShouldBeGreaterThanOrEqualTo(3);
        mistakes.ShouldAllBe(s => s.ShownFindings.Count > 0, "each mistake example is followed by the finding validate prints");
    }

    [Fact]
    public void Every_English_section_the_Chinese_guide_points_to_is_there()
    {
        var guide = File.ReadAllText(Repository.Path("docs", "plan-format.zh-CN.md"));
        var english = File.ReadAllText(Repository.Path("docs", "plan-format.md")) + File.ReadAllText(Repository.Path("README.md"));

        var named = QuotedEnglish().Matches(FencedBlock().Replace(guide, "")).Select(m => m.Value).ToArray();

        named.Length.ShouldBeGreaterThan(3);
        named.Where(section => !english.Contains(section, StringComparison.Ordinal)).ShouldBeEmpty("sections of docs/plan-format.md or README.md the guide names");
    }

    [Theory]
    [InlineData("README.md", "docs/plan-format.zh-CN.md")]
    [InlineData("definitions/README.md", "../docs/plan-format.zh-CN.md")]
    [InlineData("docs/plan-format.md", "plan-format.zh-CN.md")]
    [InlineData("docs/plan-format.zh-CN.md", "plan-format.md")]
    public void The_guides_are_linked_from_where_plan_authors_start(string document, string link)
    {
        var text = File.ReadAllText(Repository.Path([.. document.Split('/')]));

        text.ShouldContain($"]({link})");
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repository.Path([.. document.Split('/')]))!, link));
        File.Exists(target).ShouldBeTrue(target);
    }

    [Theory]
    [MemberData(nameof(WholePlans))]
    public void Every_whole_plan_in_a_guide_validates_without_errors(string document, int line)
    {
        var snippet = Find(document, line);

        var catalog = Validate(snippet);

        catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty(Findings(catalog));
        catalog.Plans.ContainsKey(snippet.PlanId!).ShouldBeTrue($"{snippet}: plan {snippet.PlanId} not loaded");
    }

    [Theory]
    [MemberData(nameof(MistakeExamples))]
    public void Every_mistake_example_in_a_guide_gives_the_finding_it_names(string document, int line)
    {
        var snippet = Find(document, line);
        snippet.PlanId.ShouldNotBeNull($"{snippet}: a mistake example is a whole plan with one mistake");

        var catalog = Validate(snippet);

        catalog.Diagnostics.Select(d => d.Code).ShouldContain(snippet.ExpectedFinding!, Findings(catalog));
        MessageCatalog.Contains(snippet.ExpectedFinding!).ShouldBeTrue();
        var printed = catalog.Diagnostics.Select(d => d.ToString(CultureInfo.GetCultureInfo("zh-CN")).Replace(Path.GetDirectoryName(d.Location.File) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)).ToArray();
        foreach (var shown in snippet.ShownFindings)
        {
            printed.ShouldContain(shown, $"{snippet}: the guide shows a finding validate does not print");
        }
    }

    [Fact]
    public void An_obligation_after_each_occurrence_names_what_is_owed_by_its_title_in_Chinese()
    {
        var snippet = YamlSnippet.In(Chinese).First(s => s.PlanId is not null && s.Text.Contains("forEach:", StringComparison.Ordinal));
        var catalog = Validate(snippet);
        var plan = catalog.Plans[snippet.PlanId!];
        var obligation = plan.Requirements.First(r => r.Kind == Plans.Requirements.RequirementKind.OccurrenceObligation);

        var chinese = Plans.Resolution.PlanResolver.Describe(obligation, plan.Vocabulary, CultureInfo.GetCultureInfo("zh-CN"));

        chinese.ShouldStartWith("每次");
        chinese.ShouldNotContain(obligation.Subject.Id);
        chinese.ShouldNotContain("document");
        chinese.ShouldContain(plan.Vocabulary.KindTitle(obligation.Subject.Id)!);
    }

    private static TheoryData<string, int> Blocks(Func<YamlSnippet, bool> which)
    {
        var data = new TheoryData<string, int>();
        foreach (var snippet in Guides.SelectMany(YamlSnippet.In).Where(which))
        {
            data.Add(snippet.Document, snippet.Line);
        }

        return data;
    }

    private static YamlSnippet Find(string document, int line) => YamlSnippet.In(document).Single(s => s.Line == line);

    // The snippet as a plan file of its own beside the seeds' rosters and holidays file, which a snippet may name
    // relative to itself as the seed plans do; the plans it inherits come from definitions/, as `validate
    // --definitions definitions/` finds them for a draft.
    private static PlanCatalog Validate(YamlSnippet snippet)
    {
        var folder = Directory.CreateTempSubdirectory("campaignflow-guide-").FullName;
        try
        {
            foreach (var roster in Directory.EnumerateFiles(Repository.Path("definitions"), "*.roster.yaml"))
            {
                File.Copy(roster, Path.Combine(folder, Path.GetFileName(roster)));
            }

            Repository.CopyHolidays(folder);
            var file = Path.Combine(folder, snippet.PlanId + ".yaml");
            File.WriteAllText(file, snippet.Text);
            return PlanCatalog.Load([file], [Repository.Path("definitions")]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Findings(PlanCatalog catalog) =>
        string.Join("\n", catalog.Diagnostics.Select(d => d.ToString(CultureInfo.GetCultureInfo("zh-CN"))));

    private static IEnumerable<string> SchemaPropertyNames()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Repository.Path("docs", "plan.schema.json")));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(schema.RootElement, names);
        names.Count.ShouldBeGreaterThan(50);
        return names;
    }

    private static void Collect(JsonElement element, SortedSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    names.UnionWith(property.Value.EnumerateObject().Select(p => p.Name));
                }

                Collect(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
    }

    // An English name in Chinese quotes (“Order without dates”): a section of the English reference or the README.
    [GeneratedRegex(@"(?<=“)[A-Za-z][^”\n]*(?=”)")]
    private static partial Regex QuotedEnglish();

    [GeneratedRegex("^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedBlock();
}
