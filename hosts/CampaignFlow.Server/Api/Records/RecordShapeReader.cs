using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// Finds the <see cref="RecordShape"/>s in a JSON or CSV body. It does not validate records — the campaign service
/// does, with line:column findings — except that JSON must be well-formed and CSV must have a header.
/// </summary>
public static class RecordShapeReader
{
    /// <summary>The shapes of the records of a JSON object or array of objects.</summary>
    /// <param name="json">The body.</param>
    /// <param name="problem">When the result is null: the code and its arguments (line, column, what is wrong).</param>
    public static IReadOnlyList<RecordShape>? FromJson(string json, out (string Code, string[] Arguments)? problem)
    {
        problem = null;
        var bytes = Encoding.UTF8.GetBytes(json);
        var shapes = new List<RecordShape>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        try
        {
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                problem = ("json-not-records", []);
                return null;
            }

            if (reader.TokenType == JsonTokenType.StartObject && IsLog(reader, bytes))
            {
                // The campaign service reads an object with 'plan' or 'records' as a whole log: its records are
                // the ones to check, not the object itself.
                ReadLogRecords(ref reader, bytes, shapes);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                shapes.Add(ReadRecord(ref reader, bytes));
            }
            else if (!ReadRecordArray(ref reader, bytes, shapes))
            {
                problem = ("json-not-records", []);
                return null;
            }

            // Whatever follows the records must be only whitespace; the reader throws otherwise.
            while (reader.Read())
            {
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            var malformed = e as JsonException ?? AtToken(reader, bytes, (InvalidOperationException)e);
            var line = (int)(malformed.LineNumber ?? 0);
            problem = ("malformed-json", [(line + 1).ToString(CultureInfo.InvariantCulture), Column(json, line, (int)(malformed.BytePositionInLine ?? 0)).ToString(CultureInfo.InvariantCulture), FirstSentence(malformed.Message)]);
            return null;
        }

        return shapes;
    }

    /// <summary>The shapes of the rows of a CSV import (a header row, then one record a row).</summary>
    /// <param name="csv">The body.</param>
    public static IReadOnlyList<RecordShape> FromCsv(string csv)
    {
        // Blank lines are skipped before the header as the campaign service's CSV reader skips them, so both take
        // the same row for the header.
        var rows = CsvRows.Read(csv).Where(r => r.Cells.Count > 1 || r.Cells[0].Length > 0).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0].Cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
        return rows.Skip(1)
            .Where(r => r.Cells.Any(c => c.Length > 0))
            .Select(r =>
            {
                // A column named twice is set cell by cell, as the service does: the last non-empty cell counts.
                string Cell(string name) => Enumerable.Range(0, Math.Min(header.Count, r.Cells.Count))
                    .Where(i => header[i] == name)
                    .Select(i => r.Cells[i].Trim())
                    .LastOrDefault(c => c.Length > 0) ?? "";
                var type = RecordShape.Types.FirstOrDefault(t => Cell(t).Length > 0);
                return new RecordShape(Cell("key"), type, Cell("by") is { Length: > 0 } b ? b : null, r.Line);
            })
            .ToList();
    }

    // Reads the objects of the array the reader is at; false when an item is not an object.
    private static bool ReadRecordArray(ref Utf8JsonReader reader, byte[] bytes, List<RecordShape> shapes)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            shapes.Add(ReadRecord(ref reader, bytes));
        }

        return true;
    }

    // True when the object the reader is at has a top-level 'plan' or 'records' key, as the service tells a log.
    // The reader is a copy: an undecodable key is reported where this copy stopped, not where the caller is.
    private static bool IsLog(Utf8JsonReader reader, byte[] bytes)
    {
        try
        {
            return IsLog(ref reader);
        }
        catch (InvalidOperationException e)
        {
            throw AtToken(reader, bytes, e);
        }
    }

    private static bool IsLog(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1
                && (reader.ValueTextEquals("plan"u8) || reader.ValueTextEquals("records"u8)))
            {
                return true;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return false;
    }

    // The records of a log object: the objects of its 'records' array, or its 'records' object (which the service
    // refuses, but which is checked all the same).
    private static void ReadLogRecords(ref Utf8JsonReader reader, byte[] bytes, List<RecordShape> shapes)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            var records = reader.ValueTextEquals("records"u8);
            reader.Read();
            if (records && reader.TokenType == JsonTokenType.StartObject)
            {
                shapes.Add(ReadRecord(ref reader, bytes));
            }
            else if (records && reader.TokenType == JsonTokenType.StartArray)
            {
                // Items that are not objects are the service's to refuse; the objects among them are checked here.
                var arrayDepth = reader.CurrentDepth;
                while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == arrayDepth))
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        shapes.Add(ReadRecord(ref reader, bytes));
                    }
                    else if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }
    }

    private static RecordShape ReadRecord(ref Utf8JsonReader reader, byte[] bytes)
    {
        var line = LineAt(bytes, (int)reader.TokenStartIndex);
        string key = "", type = "";
        string? by = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            var name = reader.GetString()!;
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            if (name == "key")
            {
                key = value ?? "";
            }
            else if (name == "by")
            {
                by = value;
            }
            else if (type.Length == 0 && RecordShape.Types.Contains(name))
            {
                type = name;
            }
        }

        return new RecordShape(key, type.Length > 0 ? type : null, by, line);
    }

    // System.Text.Json counts UTF-8 bytes within the line; an editor counts characters, and a Chinese one is three bytes.
    private static int Column(string text, int line, int bytePosition)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
        {
            return bytePosition + 1;
        }

        var bytes = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(bytePosition, bytes.Length)) + 1;
    }

    // System.Text.Json checks a string's escapes only when its text is asked for, and a lone half of a surrogate
    // pair (\ud800) then throws InvalidOperationException: the JSON is malformed at that string.
    private static JsonException AtToken(in Utf8JsonReader reader, byte[] bytes, InvalidOperationException e)
    {
        var start = (int)reader.TokenStartIndex;
        return new JsonException(e.Message, null, LineAt(bytes, start) - 1, ByteInLine(bytes, start), e);
    }

    private static int ByteInLine(byte[] bytes, int offset) => offset - (bytes.AsSpan(0, offset).LastIndexOf((byte)'\n') + 1);

    private static int LineAt(byte[] bytes, int offset) => bytes.AsSpan(0, offset).Count((byte)'\n') + 1;

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 7." — positions we already give, 0-based.
        foreach (var tail in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }
}
