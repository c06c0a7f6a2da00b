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
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                problem = ("json-not-records", []);
                return null;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                shapes.Add(ReadRecord(ref reader, bytes));
            }
            else
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        problem = ("json-not-records", []);
                        return null;
                    }

                    shapes.Add(ReadRecord(ref reader, bytes));
                }
            }

            // Whatever follows the records must be only whitespace; the reader throws otherwise.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            problem = ("malformed-json", [(line + 1).ToString(CultureInfo.InvariantCulture), Column(json, line, (int)(e.BytePositionInLine ?? 0)).ToString(CultureInfo.InvariantCulture), FirstSentence(e.Message)]);
            return null;
        }

        return shapes;
    }

    /// <summary>The shapes of the rows of a CSV import (a header row, then one record a row).</summary>
    /// <param name="csv">The body.</param>
    public static IReadOnlyList<RecordShape> FromCsv(string csv)
    {
        var rows = CsvRows.Read(csv).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0].Cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        var key = Column("key");
        var by = Column("by");
        var typeColumns = RecordShape.Types.Select(t => (Type: t, Index: Column(t))).Where(t => t.Index >= 0).ToList();
        return rows.Skip(1)
            .Where(r => r.Cells.Any(c => c.Length > 0))
            .Select(r =>
            {
                string Cell(int i) => i >= 0 && i < r.Cells.Count ? r.Cells[i].Trim() : "";
                var type = typeColumns.FirstOrDefault(t => Cell(t.Index).Length > 0).Type;
                return new RecordShape(Cell(key), type, Cell(by) is { Length: > 0 } b ? b : null, r.Line);
            })
            .ToList();
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
