using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Plans.Tests.Reading;

/// <summary>
/// A JSON text read by System.Text.Json gives the very tree, marks included, that reading it as YAML gives: records
/// posted as JSON are read the fast way with every finding still at its line and column.
/// </summary>
public class JsonParsingTests
{
    [Theory]
    [InlineData("""
        [
          { "key": "学习-1", "activity": "concentrated-study", "on": "2014-02-14", "hours": "半天", "participants": ["su-zhibang", "li-ming"] },
          { "key": "评议", "activity": "democratic-appraisal", "on": "2014-06-20", "with": { "unsatisfied": 3, "total": 9, "late": false, "note": null } }
        ]
        """)]
    [InlineData("""{ "plan": "panyu-ftu-2014", "records": [ { "key": "a\"b\u4e2d", "on": "2014-03-01", "amount": -1.5e2 } ] }""")]
    [InlineData("\"一个字符串\"")]
    [InlineData("{ \"note\": \"😀😀\", \"hours\": \"半天\" }")]
    public void A_json_text_gives_the_tree_and_marks_reading_it_as_yaml_gives(string json)
    {
        var bag = new DiagnosticBag();

        var fast = PlanReader.ParseJson(json, "request.json", bag);
        var asYaml = PlanReader.Parse(json, "request.json", bag);

        bag.Items.ShouldBeEmpty();
        Describe(fast!).ShouldBe(Describe(asYaml!));
    }

    [Theory]
    [InlineData("[\n  { \"key\": \"学习-1\", \"on\": \"2014-02-14\" \"hours\": 4 }\n]", 2, 39)]
    [InlineData("{ \"key\": \"\\ud800\" }", 1, 10)]
    [InlineData("   ", 1, 1)]
    [InlineData("{ \"note\": \"😀😀\" \"hours\": 4 }", 1, 18)]
    public void Malformed_json_is_reported_where_it_goes_wrong_in_characters(string json, int line, int column)
    {
        var bag = new DiagnosticBag();

        PlanReader.ParseJson(json, "request.json", bag).ShouldBeNull();

        var finding = bag.Items.ShouldHaveSingleItem();
        (finding.Location.Line, finding.Location.Column).ShouldBe((line, column));
    }

    // Each node with its kind, value and where it starts and ends, depth first.
    private static List<string> Describe(YamlNode root)
    {
        var lines = new List<string>();
        void Walk(YamlNode node, int depth)
        {
            var pad = new string(' ', depth);
            var at = $"{node.Start.Line}:{node.Start.Column}";
            switch (node)
            {
                case YamlScalarNode s:
                    lines.Add($"{pad}scalar {s.Value} {s.Style} {at}");
                    break;
                case YamlSequenceNode q:
                    lines.Add($"{pad}sequence {at}");
                    foreach (var child in q.Children)
                    {
                        Walk(child, depth + 1);
                    }

                    break;
                case YamlMappingNode m:
                    lines.Add($"{pad}mapping {at}");
                    foreach (var (key, value) in m.Children)
                    {
                        Walk(key, depth + 1);
                        Walk(value, depth + 2);
                    }

                    break;
            }
        }

        Walk(root, 0);
        return lines;
    }
}
