using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Requirements.Conditions;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// <c>where</c> with <c>all</c>, <c>any</c> and <c>not</c>, and over what an attribute names (issue 18, item 6), on
/// 绵阳's plan: MY-17's research trips count only at a township, street or community of the plan's places (深入基层);
/// every part of a nested condition is checked against the vocabulary where it is written.
/// </summary>
public class WherePredicateTests
{
    private const string Plan = "mianyang-ftu-2014.yaml";
    private const string TripWhere = "where: { place: { any: [{ kind: township }, { kind: street }, { kind: community }] } }";

    [Fact]
    public void The_seed_plans_research_trips_count_only_at_a_grassroots_place()
    {
        var catalog = Load(File.ReadAllText(Repository.Path("definitions", Plan)));

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var count = catalog.Plans["mianyang-ftu-2014"].Requirements.Single(r => r.Id == "research-trip:count-in-window");
        var place = count.Matching.ShouldBeOfType<AllOf>().Items.ShouldHaveSingleItem().ShouldBeOfType<ReferredIs>();
        place.Attribute.ShouldBe("place");
        place.Condition.ShouldBeOfType<AnyOf>().Items.Count.ShouldBe(3);
        place.Known["zhongxing-town"]["kind"].ShouldBe("township");
        count.Matching.Text.ShouldBe("place(any(kind: township | kind: street | kind: community))");

        Attributes(("place", "huagai-town")).ShouldSatisfyAllConditions(a => count.Matching.Matches(a).ShouldBeTrue());
        count.Matching.Matches(Attributes(("place", "city-ftu-office"))).ShouldBeFalse();
        count.Matching.Failing(Attributes(("place", "city-ftu-office")))
            .ShouldBe("place: city-ftu-office → any(kind: township ≠ organ | kind: street ≠ organ | kind: community ≠ organ)");
        count.Matching.Failing(Attributes(("place", "nowhere"))).ShouldBe("place: nowhere → ∅ (place(any(kind: township | kind: street | kind: community)))");
        count.Matching.Matches(Attributes()).ShouldBeFalse();
    }

    [Fact]
    public void All_any_and_not_nest_and_each_part_is_judged()
    {
        var catalog = Load(Changed(TripWhere, "where: { all: [{ place: { not: { kind: organ } } }, { any: [{ place: { kind: township } }, { place: { kind: community } }] }] }"));

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var matching = catalog.Plans["mianyang-ftu-2014"].Requirements.Single(r => r.Id == "research-trip:count-in-window").Matching;
        matching.Matches(Attributes(("place", "taibai-community"))).ShouldBeTrue();
        matching.Matches(Attributes(("place", "chengjiao-street"))).ShouldBeFalse();
        matching.Failing(Attributes(("place", "city-ftu-office"))).ShouldBe(
            "place: city-ftu-office → not(kind: organ) = kind: organ, any(place: city-ftu-office → kind: township ≠ organ | place: city-ftu-office → kind: community ≠ organ)");
    }

    [Theory]
    [InlineData("where: { place: { any: [{ kind: townhsip }] } }", "kind", "unknown-attribute-value", "township")]
    [InlineData("where: { all: [{ plcae: { kind: township } }] }", "plcae", "unknown-attribute", "place")]
    [InlineData("where: { place: { not: { knd: organ } } }", "knd", "unknown-place-attribute", "kind")]
    [InlineData("where: { any: [] }", "[]", "where-empty-list", null)]
    public void A_mistake_inside_a_nested_condition_is_found_where_it_is_written(string where, string at, string code, string? suggestion)
    {
        var text = Changed(TripWhere, where);
        var catalog = Load(text);

        var finding = catalog.Diagnostics.ShouldHaveSingleItem(string.Join("\n", catalog.Diagnostics));
        (finding.Code, finding.Suggestion).ShouldBe((code, suggestion));
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(where, StringComparison.Ordinal));
        (finding.Location.Line, finding.Location.Column).ShouldBe((line + 1, lines[line].IndexOf(at, lines[line].IndexOf("where:", StringComparison.Ordinal), StringComparison.Ordinal) + 1));
    }

    [Fact]
    public void Not_checks_a_kinds_listed_values_and_a_value_that_names_nothing_is_not_a_reference()
    {
        var text = File.ReadAllText(Repository.Path("definitions", Plan));
        var notExpert = Load(text.Replace("where: { byExpert: true }", "where: { not: { byExpert: ture } }", StringComparison.Ordinal));
        var value = notExpert.Diagnostics.ShouldHaveSingleItem();
        (value.Code, value.Suggestion).ShouldBe(("unknown-attribute-value", "true"));

        var notPlace = Load(text.Replace("where: { byExpert: true }", "where: { byExpert: { kind: township } }", StringComparison.Ordinal));
        var reference = notPlace.Diagnostics.ShouldHaveSingleItem();
        reference.Code.ShouldBe("attribute-not-a-reference");
        reference.Message(new System.Globalization.CultureInfo("en")).ShouldStartWith("attribute 'byExpert' of 'lecture' does not name a place");
    }

    private static IReadOnlyDictionary<string, string> Attributes(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private static string Changed(string from, string to)
    {
        var text = File.ReadAllText(Repository.Path("definitions", Plan));
        text.ShouldContain(from);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static PlanCatalog Load(string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-where-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "calendar"));
        File.Copy(Repository.Path("definitions", "mianyang-ftu.roster.yaml"), Path.Combine(folder, "mianyang-ftu.roster.yaml"));
        File.Copy(Repository.Path("definitions", "calendar", "china.holidays.yaml"), Path.Combine(folder, "calendar", "china.holidays.yaml"));
        var file = Path.Combine(folder, Plan);
        File.WriteAllText(file, text);
        return PlanCatalog.Load([file]);
    }
}
