using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Compliance.Logs;

/// <summary>
/// A record of an activity log (YAML) as the JSON a unit's client sends the API: plain numbers and booleans as such,
/// everything else a string. For tools and tests that replay logs over HTTP.
/// </summary>
public static partial class ActivityRecordJson
{
    /// <summary>The JSON of <paramref name="node"/> (a record's mapping, or any node of one).</summary>
    /// <param name="node">The YAML node.</param>
    public static string Write(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                w.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    w.WritePropertyName(((YamlScalarNode)key).Value!);
                    Write(w, value);
                }

                w.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                w.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: { } plain } when Number().IsMatch(plain):
                w.WriteRawValue(plain);
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } flag:
                w.WriteBooleanValue(flag.Value == "true");
                break;
            case YamlScalarNode scalar:
                w.WriteStringValue(scalar.Value);
                break;
        }
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Number();
}
