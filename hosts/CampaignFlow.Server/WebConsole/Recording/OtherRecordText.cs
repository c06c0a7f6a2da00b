using System.Text.Json;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// A document, publication or ledger item form as the JSON record the API takes, one key a line, with the field each
/// line came from, so the campaign service's finding at a line lands beside its field (as <see cref="ActivityRecordText"/>).
/// </summary>
public sealed class OtherRecordText
{
    private IReadOnlyList<(int Line, string Field)> _starts = [];

    private OtherRecordText()
    {
    }

    /// <summary>The record, as JSON.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The field whose value is on <paramref name="line"/> (1-based), or "" for the record as a whole.</summary>
    /// <param name="line">A line of <see cref="Text"/>.</param>
    public string FieldAt(int line) => _starts.LastOrDefault(s => s.Line <= line).Field ?? "";

    /// <summary>Writes the record of <paramref name="values"/> for the form <paramref name="layout"/>.</summary>
    /// <param name="layout">The form.</param>
    /// <param name="values">Its values.</param>
    public static OtherRecordText Write(OtherRecordLayout layout, OtherRecordValues values)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(values);
        using var writer = new FieldedJsonWriter();
        var json = writer.Json;
        var given = layout.Fields.Where(f => values.Fields.GetValueOrDefault(f.Name) is { Length: > 0 }).ToArray();
        json.WriteStartObject();
        writer.Name("key", "");
        json.WriteStringValue(values.Key);
        switch (layout.Type)
        {
            case OtherRecordType.Document:
                writer.Name("document", "");
                json.WriteStringValue(layout.Id);
                break;
            case OtherRecordType.LedgerItem:
                writer.Name("ledger", "");
                json.WriteStringValue(layout.Id);
                break;
            case OtherRecordType.Review:
                // A review names the document it reviews and the role it is by (the form's own).
                writer.Name("review", "review");
                json.WriteStringValue(values.Fields.GetValueOrDefault("review") ?? "");
                writer.Name("by", "");
                json.WriteStringValue(layout.Id);
                given = given.Where(f => f.Name != "review").ToArray();
                break;
            default:
                // A publication names the document it publishes; without one the service says publish is empty.
                writer.Name("publish", "publish");
                json.WriteStringValue(values.Fields.GetValueOrDefault("publish") ?? "");
                given = given.Where(f => f.Name != "publish").ToArray();
                break;
        }

        if (values.On.Length > 0)
        {
            writer.Name("on", "on");
            json.WriteStringValue(values.On);
        }

        foreach (var field in given.Where(f => !f.Name.StartsWith(OtherRecordValues.WithPrefix, StringComparison.Ordinal)))
        {
            writer.Name(field.Name, field.Name);
            json.WriteStringValue(values.Fields[field.Name]);
        }

        var with = given.Where(f => f.Name.StartsWith(OtherRecordValues.WithPrefix, StringComparison.Ordinal)).ToArray();
        if (with.Length > 0)
        {
            writer.Name("with", with[0].Name);
            json.WriteStartObject();
            foreach (var field in with)
            {
                writer.Name(field.Name[OtherRecordValues.WithPrefix.Length..], field.Name);
                json.WriteStringValue(values.Fields[field.Name]);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();

        var (written, starts) = writer.Finish();
        return new OtherRecordText() { Text = written, _starts = starts };
    }
}
