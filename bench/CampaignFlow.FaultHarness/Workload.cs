using CampaignFlow.Compliance.Logs;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.FaultHarness;

/// <summary>
/// The load: every seed unit's demo log (definitions/activities), in log order, cut into batches of random size —
/// mostly 1 to 6 records, now and then 50 to 250 at once (the size of the batch issue 14 killed a host in).
/// </summary>
internal static class Workload
{
    /// <summary>The batches of each unit, in the order its log gives them.</summary>
    public static IReadOnlyList<UnitLoad> Read(string definitions, Random random)
    {
        var loads = new List<UnitLoad>();
        var batchId = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(definitions, "activities"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var plan = Path.GetFileNameWithoutExtension(file);
            var unit = UnitOf(Path.Combine(definitions, plan + ".yaml"));
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var records = ((YamlSequenceNode)root.Children[new YamlScalarNode("records")]).Children
                .Select(r => (Key: ((YamlScalarNode)((YamlMappingNode)r).Children[new YamlScalarNode("key")]).Value!, Json: ActivityRecordJson.Write(r)))
                .ToArray();
            var batches = new List<Batch>();
            for (var at = 0; at < records.Length;)
            {
                var size = random.NextDouble() < 0.08 ? random.Next(50, 251) : random.Next(1, 7);
                var part = records.Skip(at).Take(size).ToArray();
                batches.Add(new Batch(++batchId, unit, part.Select(p => p.Key).ToArray(), "[" + string.Join(",", part.Select(p => p.Json)) + "]"));
                at += part.Length;
            }

            loads.Add(new UnitLoad(unit, batches));
        }

        return loads;
    }

    private static string UnitOf(string planFile)
    {
        var line = File.ReadLines(planFile).First(l => l.StartsWith("unit:", StringComparison.Ordinal));
        var id = line[(line.IndexOf("id:", StringComparison.Ordinal) + 3)..];
        return id[..id.IndexOfAny([',', '}'])].Trim();
    }
}
