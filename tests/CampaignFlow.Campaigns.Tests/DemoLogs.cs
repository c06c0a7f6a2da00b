using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Tests.Shared;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>The seed units' demo logs (definitions/activities), cut into the JSON a unit's secretary would send day by day.</summary>
internal static class DemoLogs
{
    public static readonly string[] Plans = ["panyu-ftu-2014", "mianyang-ftu-2014", "anhui-organs-2013", "guangxi-ftu-2013", "weidu-xiguan-street-2014"];

    public static string Path(string plan) => Repository.Path("definitions", "activities", plan + ".yaml");

    /// <summary>Each record of the log as a JSON object, with its day, in log order.</summary>
    public static IReadOnlyList<(DateOnly Day, string Key, string Json)> Records(string plan)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path(plan))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var records = (YamlSequenceNode)root.Children[new YamlScalarNode("records")];
        return records.Children.Cast<YamlMappingNode>().Select(r =>
        {
            var day = Scalar(r, "on") ?? Scalar(r, "at")![..10];
            return (DateOnly.ParseExact(day.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture), Scalar(r, "key")!, ActivityRecordJson.Write(r));
        }).ToArray();
    }

    /// <summary>The log's records grouped by day, earliest first, each day as one JSON array.</summary>
    public static IReadOnlyList<(DateOnly Day, string Json)> Days(string plan) =>
        Records(plan).GroupBy(r => r.Day).OrderBy(g => g.Key).Select(g => (g.Key, "[\n" + string.Join(",\n", g.Select(r => r.Json)) + "\n]")).ToArray();

    public static string Array(IEnumerable<string> records) => "[\n" + string.Join(",\n", records) + "\n]";

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
