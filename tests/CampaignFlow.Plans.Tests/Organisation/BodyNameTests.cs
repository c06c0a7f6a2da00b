using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Organisation;

/// <summary>
/// A plan's <c>unit.parent</c> names a body that may run nothing here (番禺区委 above 番禺区总工会): an organisation
/// file names it, and a folder whose plans name a body nobody names gets <c>unnamed-body</c> at that parent, so a list
/// of bodies never silently shows a reader an id.
/// </summary>
public sealed class BodyNameTests : IDisposable
{
    private static readonly string BodiesFile = Path.Combine("organisation", "bodies-above.units.yaml");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cf-body-names-");

    [Fact]
    public void Every_body_a_seed_plan_names_as_its_parent_has_a_name_and_no_template_is_asked_of_it()
    {
        var catalog = PlanCatalog.Load([Repository.Path("definitions")]);

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var parents = catalog.Plans.Values.Where(p => p.Template is null).Select(p => p.Unit.Parent).OfType<string>().Distinct().ToArray();
        parents.ShouldNotBeEmpty();
        foreach (var parent in parents)
        {
            var name = catalog.Organisation.Find(parent)?.Name ?? catalog.Plans.Values.FirstOrDefault(p => p.Template is null && p.Unit.Id == parent)?.Unit.Name;
            name.ShouldNotBeNullOrWhiteSpace($"{parent} is named");
            name.ShouldNotBe(parent);
        }

        // The seed's words: 中共许昌市委 (004) above the district, 番禺区委 (000's 區委 of 番禺區) above the federation.
        catalog.Organisation.Find("xuchang-city")!.Name.ShouldBe("中共许昌市委");
        catalog.Organisation.Find("panyu-district")!.Name.ShouldBe("番禺区委");
    }

    [Fact]
    public void A_folder_whose_plans_name_a_body_nobody_names_is_warned_at_each_parent_in_both_languages()
    {
        Repository.CopyFolder("definitions", _folder.FullName);
        File.Delete(Path.Combine(_folder.FullName, BodiesFile));

        var catalog = PlanCatalog.Load([_folder.FullName]);

        catalog.HasErrors.ShouldBeFalse(string.Join("\n", catalog.Diagnostics));
        var named = catalog.Plans.Values.Where(p => p.Template is null).Select(p => p.Unit.Id).ToHashSet();
        var unnamed = catalog.Plans.Values
            .Where(p => p.Template is null && !catalog.Generated.ContainsKey(p.Id) && p.Unit.Parent is { } b && !named.Contains(b) && catalog.Organisation.Find(b) is null)
            .ToArray();
        unnamed.Length.ShouldBe(5, "every seed plan's body above: 番禺, 广西, 安徽, 绵阳, 许昌");
        var warnings = catalog.Diagnostics.Where(d => d.Code == "unnamed-body").ToArray();
        warnings.Length.ShouldBe(unnamed.Length);
        foreach (var plan in unnamed)
        {
            var warning = warnings.Where(w => Path.GetFullPath(w.Location.File) == Path.GetFullPath(plan.File)).ShouldHaveSingleItem(plan.Id);
            warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
            var (line, column) = ParentAt(plan.File, plan.Unit.Parent!);
            (warning.Location.Line, warning.Location.Column).ShouldBe((line, column));
            warning.Message(CultureInfo.GetCultureInfo("zh-CN")).ShouldBe($"“{plan.Unit.Name}”的上级机关“{plan.Unit.Parent}”没有名称：请在组织架构文件中写出它的编号和名称，否则各处列出机关时只能显示编号");
            warning.Message(CultureInfo.GetCultureInfo("en")).ShouldStartWith($"the body '{plan.Unit.Parent}' above '{plan.Unit.Name}' has no name");
        }
    }

    [Fact]
    public void A_plan_checked_alone_is_not_warned_for_a_body_only_the_folder_names()
    {
        var catalog = PlanCatalog.Load([Repository.Path("definitions", "panyu-ftu-2014.yaml")]);

        catalog.Diagnostics.ShouldNotContain(d => d.Code == "unnamed-body");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    // The line and column of the parent's id in the plan's `unit:` line, counted as the reader counts them (from 1).
    private static (int Line, int Column) ParentAt(string file, string parent)
    {
        var lines = File.ReadAllLines(file);
        var line = Array.FindIndex(lines, l => l.TrimStart().StartsWith("unit:", StringComparison.Ordinal));
        var column = lines[line].IndexOf("parent: " + parent, StringComparison.Ordinal) + "parent: ".Length;
        return (line + 1, column + 1);
    }
}
