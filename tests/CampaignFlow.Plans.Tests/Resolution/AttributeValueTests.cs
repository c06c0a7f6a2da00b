using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// Attribute values checked against the plan's vocabulary (issue 18, item 6): 绵阳's plan lists the values of its
/// 示范点's <c>siteKind</c> (MY-34's enterprise, township, community) and of its discussions' five themes (MY-13); a
/// <c>where</c> or <c>covers</c> value it does not list matches no record, and is an error at its line and column with
/// the closest listed value.
/// </summary>
public sealed class AttributeValueTests
{
    private const string Plan = "mianyang-ftu-2014.yaml";

    [Fact]
    public void The_seed_plan_with_its_listed_values_is_valid()
    {
        var (catalog, _) = Load(text => text);

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        catalog.Plans["mianyang-ftu-2014"].Vocabulary.Activities["model-site-selection"].Values["siteKind"].ShouldBe(["enterprise", "township", "community"]);
    }

    [Fact]
    public void A_where_value_not_in_the_vocabulary_is_an_error_at_it_with_the_closest_value()
    {
        var (catalog, text) = Load(t => t.Replace("where: { siteKind: township }", "where: { siteKind: townhsip }", StringComparison.Ordinal));

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Severity, finding.Suggestion).ShouldBe(("unknown-attribute-value", DiagnosticSeverity.Error, "township"));
        (finding.Location.Line, finding.Location.Column).ShouldBe(Position(text, "where: { siteKind: townhsip }", "siteKind"));
        finding.ToString(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("“townhsip”不是“siteKind”的取值（方案列出的取值为：enterprise, township, community）");
    }

    [Fact]
    public void A_covers_value_not_in_the_vocabulary_is_an_error_at_that_value()
    {
        var (catalog, text) = Load(t => t.Replace("values: [群众路线怎么走, 改进作风怎么办, 五好干部怎么做, 为民务实清廉谱写中国梦绵阳新篇章, 我是谁为了谁依靠谁]", "values: [群众路线怎么走, 改进作风怎么办, 五好干部怎样做, 为民务实清廉谱写中国梦绵阳新篇章, 我是谁为了谁依靠谁]", StringComparison.Ordinal));

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Suggestion).ShouldBe(("unknown-attribute-value", "五好干部怎么做"));
        (finding.Location.Line, finding.Location.Column).ShouldBe(Position(text, "values: [群众路线怎么走", "五好干部怎样做"));
    }

    [Fact]
    public void Values_listed_for_an_attribute_the_kind_does_not_have_are_an_error()
    {
        var (catalog, _) = Load(t => t.Replace("values: { siteKind: [enterprise, township, community] }", "values: { sitekind: [enterprise, township, community] }", StringComparison.Ordinal));

        catalog.Diagnostics.ShouldContain(d => d.Code == "unknown-attribute" && d.Suggestion == "siteKind");
    }

    [Fact]
    public void A_value_title_for_a_value_the_kind_does_not_list_is_an_error_at_its_key_with_the_closest_value()
    {
        const string Titled = "valueTitles: { enterprise: 企业, township: 乡镇, community: 社区 }";
        var (valid, _) = Load(t => t);
        valid.Diagnostics.ShouldBeEmpty(string.Join("\n", valid.Diagnostics));
        valid.Plans["mianyang-ftu-2014"].Vocabulary.Activities["model-site-selection"].ValueTitle("township").ShouldBe("乡镇");

        var (catalog, text) = Load(t => t.Replace(Titled, Titled.Replace("township: 乡镇", "townhsip: 乡镇", StringComparison.Ordinal), StringComparison.Ordinal));

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Severity, finding.Suggestion).ShouldBe(("unknown-value-title", DiagnosticSeverity.Error, "township"));
        (finding.Location.Line, finding.Location.Column).ShouldBe(Position(text, "valueTitles: { enterprise: 企业, townhsip", "townhsip"));
        finding.ToString(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("为“townhsip”写了标题，但“model-site-selection”所列的取值中没有它");
    }

    [Fact]
    public void An_attribute_is_said_by_the_plans_title_for_it_then_by_the_catalogues_word_then_as_written()
    {
        var (valid, _) = Load(t => t);
        var activities = valid.Plans["mianyang-ftu-2014"].Vocabulary.Activities;
        var zh = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        activities["model-site-selection"].AttributeWord("siteKind", zh).ShouldBe("示范点类型");
        activities["model-site-selection"].AttributeWord("siteKind", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("siteKind");
        activities["talk"].AttributeWord("includesCriticism", zh).ShouldBe("开展批评和自我批评");
        activities["talk"].AttributeWord("includesCriticism", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("includes criticism");
        activities["talk"].AttributeWord("mood", zh).ShouldBe("mood");
    }

    [Fact]
    public void A_title_for_an_attribute_the_kind_does_not_declare_is_an_error_at_its_key_with_the_closest_attribute()
    {
        var (catalog, text) = Load(t => t.Replace("attributeTitles: { siteKind: 示范点类型 }", "attributeTitles: { sitekind: 示范点类型 }", StringComparison.Ordinal));

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Severity, finding.Suggestion).ShouldBe(("unknown-attribute", DiagnosticSeverity.Error, "siteKind"));
        (finding.Location.Line, finding.Location.Column).ShouldBe(Position(text, "attributeTitles: { sitekind", "sitekind"));
    }

    private static (PlanCatalog Catalog, string Text) Load(Func<string, string> change)
    {
        var original = File.ReadAllText(Repository.Path("definitions", Plan));
        var text = change(original);
        var folder = Path.Combine(Path.GetTempPath(), "cf-values-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "calendar"));
        File.Copy(Repository.Path("definitions", "mianyang-ftu.roster.yaml"), Path.Combine(folder, "mianyang-ftu.roster.yaml"));
        File.Copy(Repository.Path("definitions", "calendar", "china.holidays.yaml"), Path.Combine(folder, "calendar", "china.holidays.yaml"));
        File.WriteAllText(Path.Combine(folder, Plan), text);
        return (PlanCatalog.Load([Path.Combine(folder, Plan)]), text);
    }

    // The 1-based line and column of `word` on the line holding `line`.
    private static (int Line, int Column) Position(string text, string line, string word)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(line, StringComparison.Ordinal));
        return (index + 1, lines[index].IndexOf(word, StringComparison.Ordinal) + 1);
    }
}
