using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Server.Demo;

/// <summary>
/// A unit's demo log (definitions/activities/PLAN.yaml, or activities/units/UNIT.yaml for a unit on a template) as
/// the demo replays it: the plan (and unit) it names, and its
/// records as JSON objects — the shape an HTTP client sends — grouped by their day, in the log's order.
/// </summary>
/// <param name="File">The log file.</param>
/// <param name="PlanId">The plan the log names.</param>
/// <param name="Days">Each day with its records.</param>
public sealed record DemoLog(string File, string PlanId, IReadOnlyList<(DateOnly Day, JsonArray Records)> Days)
{
    /// <summary>The unit the log is for, when it names one (<c>unit:</c>, a unit on a template); else the unit that runs <see cref="PlanId"/>.</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// Reads every log in <c>activities/</c> and <c>activities/units/</c> under <paramref name="definitionsPath"/>; a log
    /// that cannot be read is skipped with its reason, and so is one not saved as UTF-8 (<c>file-not-utf8</c> at its
    /// first foreign byte): none of its records is replayed.
    /// </summary>
    /// <param name="definitionsPath">The definitions folder.</param>
    /// <param name="skipped">Each skipped log with its reason.</param>
    public static IReadOnlyList<DemoLog> ReadAll(string definitionsPath, List<SkippedDemoLog> skipped)
    {
        var folder = Path.Combine(definitionsPath, "activities");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var logs = new List<DemoLog>();
        var ofUnits = Path.Combine(folder, "units");
        var files = Directory.EnumerateFiles(folder, "*.yaml")
            .Concat(Directory.Exists(ofUnits) ? Directory.EnumerateFiles(ofUnits, "*.yaml") : [])
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                var findings = new DiagnosticBag();
                if (TryRead(file, findings) is { } log)
                {
                    logs.Add(log);
                }
                else
                {
                    skipped.Add(new SkippedDemoLog(file, findings.Items[0], null));
                }
            }
            catch (Exception e) when (e is YamlException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedDemoLog(file, null, e.Message));
            }
        }

        return logs;
    }

    /// <summary>Reads one log.</summary>
    /// <param name="file">The file.</param>
    /// <exception cref="InvalidDataException">When it is not a log with <c>plan:</c> and <c>records:</c>, or not UTF-8.</exception>
    public static DemoLog Read(string file)
    {
        var findings = new DiagnosticBag();
        return TryRead(file, findings) ?? throw new InvalidDataException(findings.Items[0].ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Reads one log, or null with <c>file-not-utf8</c> at its first foreign byte reported into
    /// <paramref name="diagnostics"/> when it is not saved as UTF-8 (as every file a user gives, ADR 0023).
    /// </summary>
    /// <param name="file">The file.</param>
    /// <param name="diagnostics">Receives the finding.</param>
    /// <exception cref="InvalidDataException">When it is not a log with <c>plan:</c> and <c>records:</c>.</exception>
    /// <exception cref="YamlException">When it is not YAML.</exception>
    public static DemoLog? TryRead(string file, DiagnosticBag diagnostics)
    {
        if (Utf8File.Read(file, diagnostics) is not { } text)
        {
            return null;
        }

        var yaml = new YamlStream();
        using (var reader = new StringReader(text))
        {
            yaml.Load(reader);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("plan"), out var plan) || plan is not YamlScalarNode { Value: { } planId }
            || !root.Children.TryGetValue(new YamlScalarNode("records"), out var records) || records is not YamlSequenceNode sequence)
        {
            throw new InvalidDataException("not an activity log: it needs 'plan:' and 'records:'");
        }

        var byDay = new SortedDictionary<DateOnly, JsonArray>();
        foreach (var node in sequence.Children.OfType<YamlMappingNode>())
        {
            var record = (JsonObject)ToJson(node)!;
            var day = DayOf(record);
            if (!byDay.TryGetValue(day, out var list))
            {
                byDay[day] = list = [];
            }

            list.Add(record);
        }

        var unit = root.Children.TryGetValue(new YamlScalarNode("unit"), out var named) && named is YamlScalarNode { Value: { Length: > 0 } unitId } ? unitId : null;
        return new DemoLog(file, planId, byDay.Select(d => (d.Key, d.Value)).ToArray()) { Unit = unit };
    }

    private static DateOnly DayOf(JsonObject record)
    {
        foreach (var key in new[] { "on", "at" })
        {
            if (record[key]?.GetValue<string>() is { Length: >= 10 } text
                && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
        }

        // A record without a day goes last; the service reports what is wrong with it.
        return DateOnly.MaxValue;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    // Plain YAML scalars that are numbers or booleans become JSON numbers and booleans (unsatisfied: 15,
    // includesCriticism: true); everything else, and anything quoted, stays text.
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }

        if (value is "null" or "~" or "")
        {
            return null;
        }

        return decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }

    /// <summary>The records of one day as the JSON text the API takes.</summary>
    /// <param name="records">The day's records.</param>
    public static string Text(JsonArray records) => records.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
