using System.Globalization;
using System.Text.Json;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// A recording form as the JSON record the API takes (<c>POST /units/{unit}/records</c>), one key a line, with the
/// form field each line came from: the campaign service reports every finding at its value's line, so a finding
/// lands beside the field that holds the value.
/// </summary>
public sealed class ActivityRecordText
{
    private IReadOnlyList<(int Line, string Field)> _starts = [];

    private ActivityRecordText()
    {
    }

    /// <summary>The record, as JSON.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The field whose value is on <paramref name="line"/> (1-based), or "" for the record as a whole.</summary>
    /// <param name="line">A line of <see cref="Text"/>.</param>
    public string FieldAt(int line) => _starts.LastOrDefault(s => s.Line <= line).Field ?? "";

    /// <summary>Writes the record of <paramref name="values"/> for an activity of <paramref name="kind"/>.</summary>
    /// <param name="kind">The activity kind.</param>
    /// <param name="values">The form's values.</param>
    /// <param name="flags">Attributes whose value is true or false (checkboxes).</param>
    public static ActivityRecordText Write(string kind, ActivityFormValues values, IReadOnlySet<string> flags)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(flags);
        using var writer = new FieldedJsonWriter();
        var json = writer.Json;
        json.WriteStartObject();
        writer.Name("key", "");
        json.WriteStringValue(values.Key);
        writer.Name("activity", "");
        json.WriteStringValue(kind);
        if (values.Time.Length > 0)
        {
            writer.Name("at", "on");
            json.WriteStringValue($"{values.On} {values.Time}");
        }
        else if (values.On.Length > 0)
        {
            writer.Name("on", "on");
            json.WriteStringValue(values.On);
        }

        if (values.Hours.Length > 0)
        {
            writer.Name("hours", "hours");
            json.WriteStringValue(values.Hours);
        }

        if (values.Concerns.Length > 0)
        {
            writer.Name("concerns", "concerns");
            json.WriteStringValue(values.Concerns);
        }

        if (values.Replaces.Length > 0)
        {
            writer.Name("replaces", "replaces");
            json.WriteStringValue(values.Replaces);
        }

        if (values.Participants.Count > 0)
        {
            writer.Name("participants", "participants");
            json.WriteStartArray();
            foreach (var person in values.Participants)
            {
                json.WriteStringValue(person);
            }

            json.WriteEndArray();
        }

        var externals = values.Externals.Where(e => e.Value.Length > 0).ToArray();
        if (externals.Length > 0)
        {
            writer.Name("externals", ActivityFormValues.ExternalsPrefix + externals[0].Key);
            json.WriteStartObject();
            foreach (var (role, count) in externals)
            {
                writer.Name(role, ActivityFormValues.ExternalsPrefix + role);
                WriteScalar(json, count);
            }

            json.WriteEndObject();
        }

        var attributes = values.Attributes.Where(a => a.Value.Length > 0).ToArray();
        if (attributes.Length > 0)
        {
            writer.Name("with", ActivityFormValues.WithPrefix + attributes[0].Key);
            json.WriteStartObject();
            foreach (var (name, value) in attributes)
            {
                writer.Name(name, ActivityFormValues.WithPrefix + name);
                if (flags.Contains(name) && bool.TryParse(value, out var flag))
                {
                    json.WriteBooleanValue(flag);
                }
                else
                {
                    WriteScalar(json, value);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();

        var (written, starts) = writer.Finish();
        return new ActivityRecordText() { Text = written, _starts = starts };
    }

    // A number typed into a field is a number in the record (counts of people, scores); anything else stays text, and
    // the service says what it expected.
    private static void WriteScalar(Utf8JsonWriter json, string value)
    {
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            json.WriteNumberValue(whole);
        }
        else if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
