using System.Globalization;
using CampaignFlow.Compliance.Logs;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A record naming a place the plan does not list (issue 18): a 绵阳 research trip to <c>zhongxin-town</c> would count
/// for no place of MY-17's kinds, so it is a finding at the value, in YAML, JSON and CSV alike, with the closest place
/// the plan lists; a listed place is not.
/// </summary>
public sealed class PlaceReferenceLogTests
{
    private const string Mianyang = "mianyang-ftu-2014";
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");

    [Fact]
    public void A_place_the_plan_does_not_list_is_a_finding_at_it_with_the_closest_in_a_yaml_log()
    {
        const string Yaml = """
            plan: mianyang-ftu-2014
            records:
              - { key: trip-1, activity: research-trip, on: 2014-04-14, participants: [zhang-jianguo], with: { place: zhongxin-town } }
              - { key: trip-2, activity: research-trip, on: 2014-04-21, participants: [li-minghua], with: { place: chengjiao-street } }
            """;
        var log = ActivityLogReader.ReadText(Yaml, "mianyang.yaml", Seeds.Plan(Mianyang));

        var finding = log.Diagnostics.ShouldHaveSingleItem();
        var line = Yaml.Split('\n')[2];
        (finding.Code, finding.Suggestion, finding.Location.Line, finding.Location.Column)
            .ShouldBe(("unknown-place", "zhongxing-town", 3, line.IndexOf("zhongxin-town", StringComparison.Ordinal) + 1));
        finding.Message(English).ShouldStartWith("'zhongxin-town' is not a place the plan lists for 'place'");
        finding.Message(Chinese).ShouldStartWith("“zhongxin-town”不是方案所列的地点");
    }

    [Fact]
    public void The_same_place_in_a_json_batch_is_a_finding_at_the_value()
    {
        const string Json = """[{ "key": "trip-1", "activity": "research-trip", "on": "2014-04-14", "participants": ["zhang-jianguo"], "with": { "place": "taibai-comunity" } }]""";
        var log = ActivityLogReader.ReadRecords(Json, "batch.json", Seeds.Plan(Mianyang), json: true);

        var finding = log.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Suggestion, finding.Location.Line, finding.Location.Column)
            .ShouldBe(("unknown-place", "taibai-community", 1, Json.IndexOf("\"taibai-comunity\"", StringComparison.Ordinal) + 1));
    }

    [Fact]
    public void The_same_place_in_a_csv_log_is_a_finding_at_its_cell()
    {
        string[] lines =
        [
            "key,activity,on,participants,with",
            "trip-1,research-trip,2014-04-14,zhang-jianguo,place=huagai-twon",
            "trip-2,research-trip,2014-04-21,li-minghua,place=chengjiao-street",
        ];
        var log = ActivityLogCsvReader.ReadText(string.Join("\n", lines) + "\n", "mianyang.csv", Seeds.Plan(Mianyang));

        var finding = log.Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Suggestion, finding.Location.Line).ShouldBe(("unknown-place", "huagai-town", 2));
        finding.Location.Column.ShouldBe(lines[1].IndexOf("place=", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void The_demo_log_names_only_places_the_plan_lists()
    {
        Seeds.Log(Mianyang).Diagnostics.ShouldBeEmpty();
    }
}
