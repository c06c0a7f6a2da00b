using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.FaultHarness;

/// <summary>A record of a demo log (YAML) as the JSON a unit's secretary would send: plain numbers and booleans as such.</summary>
internal static partial class JsonOfYaml
{
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
