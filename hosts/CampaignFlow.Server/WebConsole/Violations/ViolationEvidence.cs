using System.Globalization;
using System.Text.Json;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// A violation's evidence as a page shows it, read from the details the rules engine stored
/// (<c>Verdicts/ViolationRows</c>): the amount found and the one required, the records that counted, what is
/// missing, where in the plan the requirement is written, and the seed requirements it implements.
/// </summary>
/// <param name="Actual">What was found (4 h), or null.</param>
/// <param name="Required">What the plan requires (8 h), or null.</param>
/// <param name="Counted">The records that counted.</param>
/// <param name="Missing">What is missing (people, documents, periods).</param>
/// <param name="Location">The plan's file:line:column, or null.</param>
/// <param name="Source">The ids of the seed requirements (docs/seed-requirements.md) it implements.</param>
public sealed record ViolationEvidence(string? Actual, string? Required, IReadOnlyList<string> Counted, IReadOnlyList<string> Missing, string? Location, IReadOnlyList<string> Source)
{
    /// <summary>Nothing known (details that are not the rules engine's JSON).</summary>
    public static ViolationEvidence None { get; } = new(null, null, [], [], null, []);

    /// <summary>The name of the person, branch or department it concerns, or null for the unit.</summary>
    public string? TargetName { get; init; }

    /// <summary>Reads stored details; <see cref="None"/> when they are not JSON of that shape.</summary>
    /// <param name="details">The stored details.</param>
    public static ViolationEvidence Of(string details)
    {
        try
        {
            using var json = JsonDocument.Parse(details);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var evidence = root.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
            string? location = null;
            if (root.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object)
            {
                location = string.Create(CultureInfo.InvariantCulture, $"{Text(l, "file")}:{Number(l, "line")}:{Number(l, "column")}");
            }

            return new ViolationEvidence(Text(evidence, "actual"), Text(evidence, "required"), Strings(evidence, "counted"), Strings(evidence, "missing"), location, Strings(root, "source"))
            {
                TargetName = Text(root, "targetName"),
            };
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : 0;

    private static string[] Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : [];
}
