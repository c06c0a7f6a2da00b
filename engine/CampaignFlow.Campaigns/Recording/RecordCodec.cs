using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>
/// Turns a typed record into the row the stores keep and back. The payload is canonical JSON — a fixed property
/// order, mappings sorted by key, amounts without trailing zeros, Chinese written as it is — so the same record
/// sent twice, however it was spelled (<c>半天</c> or <c>4h</c>), has the same payload and is a duplicate.
/// </summary>
public static class RecordCodec
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stored form of <paramref name="record"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="recordedAt">When it was received.</param>
    /// <param name="recordedBy">Who recorded it.</param>
    /// <exception cref="ArgumentException">A record type this codec does not know.</exception>
    public static StoredRecord Encode(UnitRecord record, DateTimeOffset recordedAt, string recordedBy)
    {
        var (type, kind) = record switch
        {
            ActivityRecord a => (RecordTypes.Activity, a.Kind),
            DocumentRecord d => (RecordTypes.Document, d.Kind),
            ReviewRecord r => (RecordTypes.Review, r.DocumentKind),
            PublicationRecord p => (RecordTypes.Publication, p.DocumentKind),
            LedgerItemRecord l => (RecordTypes.LedgerItem, l.Ledger),
            ExceptionRecord e => (RecordTypes.Exception, e.ActionId),
            _ => throw new ArgumentException($"Record '{record.Key}' is a {record.GetType().Name}, which cannot be stored.", nameof(record)),
        };
        return new StoredRecord(record.Unit, record.Key, type, kind, record.Day, Payload(record, type), recordedAt, recordedBy);
    }

    /// <summary>The typed record stored in <paramref name="stored"/>.</summary>
    /// <param name="stored">A stored record.</param>
    /// <exception cref="FormatException">The payload is not one this codec wrote.</exception>
    public static UnitRecord Decode(StoredRecord stored)
    {
        using var document = JsonDocument.Parse(stored.Payload);
        var json = document.RootElement;
        var key = stored.Key;
        var unit = stored.Unit;
        var day = Day(json, "day") ?? stored.Day;
        var time = Text(json, "time") is { } clock ? TimeOnly.ParseExact(clock, "HH:mm", CultureInfo.InvariantCulture) : (TimeOnly?)null;
        return Typed(stored, json, key, unit, day) with { Time = time };
    }

    private static UnitRecord Typed(StoredRecord stored, JsonElement json, string key, string unit, DateOnly day)
    {
        return stored.Type switch
        {
            RecordTypes.Activity => new ActivityRecord(key, unit, day, Text(json, "kind")!)
            {
                LastDay = Day(json, "lastDay") ?? day,
                EndTime = Text(json, "endTime") is { } end ? TimeOnly.ParseExact(end, "HH:mm", CultureInfo.InvariantCulture) : null,
                Hours = json.TryGetProperty("hours", out var hours) ? hours.GetDecimal() : 0,
                Participants = List(json, "participants"),
                Externals = json.TryGetProperty("externals", out var externals)
                    ? externals.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal)
                    : new Dictionary<string, int>(),
                ExternalNames = json.TryGetProperty("externalNames", out var names)
                    ? names.EnumerateObject().ToDictionary(p => p.Name, p => (IReadOnlyList<string>)p.Value.EnumerateArray().Select(n => n.GetString()!).ToArray(), StringComparer.Ordinal)
                    : new Dictionary<string, IReadOnlyList<string>>(),
                Attributes = Map(json, "attributes"),
                Concerns = Text(json, "concerns"),
                Replaces = Text(json, "replaces"),
                Branch = Text(json, "branch"),
                Department = Text(json, "department"),
                Failed = List(json, "failed"),
                Due = Day(json, "due"),
            },
            RecordTypes.Document => new DocumentRecord(key, unit, day, Text(json, "kind")!) { Author = Text(json, "author"), Replaces = Text(json, "replaces") },
            RecordTypes.Review => new ReviewRecord(key, unit, day, Text(json, "document")!, Text(json, "documentKind")!, Text(json, "role")!,
                Text(json, "decision") == "returned" ? ReviewDecision.Returned : ReviewDecision.Approved)
            {
                Reviewer = Text(json, "reviewer"),
                Comment = Text(json, "comment"),
                Due = Day(json, "due"),
            },
            RecordTypes.Publication => new PublicationRecord(key, unit, day, Text(json, "document")!, Text(json, "documentKind")!, AudienceOf(Text(json, "audience")))
            {
                Author = Text(json, "author"),
            },
            RecordTypes.LedgerItem => new LedgerItemRecord(key, unit, day, Text(json, "ledger")!)
            {
                Fields = Map(json, "fields"),
                Deadline = Day(json, "deadline"),
                Done = json.TryGetProperty("done", out var done) && done.GetBoolean(),
            },
            RecordTypes.Exception => new ExceptionRecord(key, unit, day, Text(json, "action")!, Text(json, "justification")!),
            _ => throw new FormatException($"Stored record '{key}' of unit '{unit}' has the unknown type '{stored.Type}'."),
        };
    }

    private static string Payload(UnitRecord record, string type)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("day", DayText(record.Day));
            if (record.Time is { } time)
            {
                w.WriteString("time", time.ToString("HH:mm", CultureInfo.InvariantCulture));
            }

            switch (record)
            {
                case ActivityRecord a:
                    w.WriteString("kind", a.Kind);
                    w.WriteString("lastDay", DayText(a.LastDay));

                    // Written only when given, so a record stored before end times were kept has the payload it had.
                    WriteOptional(w, "endTime", a.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture));
                    w.WriteNumber("hours", Canonical(a.Hours));
                    WriteList(w, "participants", a.Participants);
                    w.WriteStartObject("externals");
                    foreach (var (role, count) in a.Externals.OrderBy(e => e.Key, StringComparer.Ordinal))
                    {
                        w.WriteNumber(role, count);
                    }

                    w.WriteEndObject();

                    // Written only when given, so a record stored before names were kept has the payload it had.
                    if (a.ExternalNames.Count > 0)
                    {
                        w.WriteStartObject("externalNames");
                        foreach (var (role, names) in a.ExternalNames.OrderBy(e => e.Key, StringComparer.Ordinal))
                        {
                            WriteList(w, role, names);
                        }

                        w.WriteEndObject();
                    }

                    WriteMap(w, "attributes", a.Attributes);
                    WriteOptional(w, "concerns", a.Concerns);
                    WriteOptional(w, "replaces", a.Replaces);
                    WriteOptional(w, "branch", a.Branch);
                    WriteOptional(w, "department", a.Department);

                    // Written only when given, so a record stored before tests named who failed has the payload it had.
                    if (a.Failed.Count > 0)
                    {
                        WriteList(w, "failed", a.Failed);
                    }

                    WriteOptional(w, "due", a.Due is { } testDue ? DayText(testDue) : null);
                    break;
                case DocumentRecord d:
                    w.WriteString("kind", d.Kind);
                    WriteOptional(w, "author", d.Author);
                    WriteOptional(w, "replaces", d.Replaces);
                    break;
                case ReviewRecord r:
                    w.WriteString("document", r.DocumentKey);
                    w.WriteString("documentKind", r.DocumentKind);
                    w.WriteString("role", r.Role);
                    w.WriteString("decision", r.Decision == ReviewDecision.Returned ? "returned" : "approved");

                    // Written only when named, so a review stored before reviewers were kept has the payload it had.
                    WriteOptional(w, "reviewer", r.Reviewer);
                    WriteOptional(w, "comment", r.Comment);
                    WriteOptional(w, "due", r.Due is { } due ? DayText(due) : null);
                    break;
                case PublicationRecord p:
                    w.WriteString("document", p.DocumentKey);
                    w.WriteString("documentKind", p.DocumentKind);
                    w.WriteString("audience", AudienceText(p.Audience));
                    WriteOptional(w, "author", p.Author);
                    break;
                case LedgerItemRecord l:
                    w.WriteString("ledger", l.Ledger);
                    WriteMap(w, "fields", l.Fields);
                    if (l.Deadline is { } deadline)
                    {
                        w.WriteString("deadline", DayText(deadline));
                    }

                    w.WriteBoolean("done", l.Done);
                    break;
                case ExceptionRecord e:
                    w.WriteString("action", e.ActionId);
                    w.WriteString("justification", e.Justification);
                    break;
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // 4.0 and 4 are one amount: the scale a computation happened to leave must not make a retry a conflict.
    private static decimal Canonical(decimal value) => value / 1.0000000000000000000000000000m;

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string AudienceText(Audience audience) => PlanShape.EnumWords(typeof(Audience))[(int)audience];

    private static Audience AudienceOf(string? text)
    {
        var index = Array.IndexOf(PlanShape.EnumWords(typeof(Audience)).ToArray(), text);
        return index >= 0 ? (Audience)index : Audience.Unit;
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateOnly? Day(JsonElement json, string name) =>
        Text(json, name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string[] List(JsonElement json, string name) =>
        json.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    private static Dictionary<string, string> Map(JsonElement json, string name) =>
        json.TryGetProperty(name, out var map)
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
