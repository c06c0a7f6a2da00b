using System.Text;
using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>
/// Reads the records a caller sends, in JSON, YAML or CSV, against the unit's plan and the documents it stored
/// before. JSON is first checked by System.Text.Json, so a syntax error is reported where that parser stops; a
/// well-formed JSON text is then read as the YAML it also is, so every finding points into the caller's own text.
/// </summary>
internal static class RecordTextReader
{
    /// <summary>The name findings are reported against.</summary>
    /// <param name="format">The text's format.</param>
    public static string SourceName(RecordFormat format) => format switch
    {
        RecordFormat.Json => "request.json",
        RecordFormat.Csv => "request.csv",
        _ => "request.yaml",
    };

    /// <summary>Reads <paramref name="text"/>.</summary>
    /// <param name="text">The records.</param>
    /// <param name="format">Its format.</param>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="knownDocuments">The unit's stored documents, by key.</param>
    public static ActivityLog Read(string text, RecordFormat format, ResolvedPlan plan, IReadOnlyDictionary<string, DocumentRecord> knownDocuments)
    {
        var source = SourceName(format);
        if (format == RecordFormat.Csv)
        {
            return ActivityLogCsvReader.ReadText(text, source, plan, knownDocuments);
        }

        if (format == RecordFormat.Json && JsonSyntaxError(text, source) is { } error)
        {
            return new ActivityLog(source, "", [], [error]);
        }

        return ActivityLogReader.ReadRecords(text, source, plan, knownDocuments);
    }

    private static PlanDiagnostic? JsonSyntaxError(string text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new PlanDiagnostic("empty-file", DiagnosticSeverity.Error, new SourceLocation(source, 1, 1), []);
        }

        try
        {
            using var _ = JsonDocument.Parse(text);
            return InvalidString(text, source);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            var column = CharacterColumn(text, line, (int)(e.BytePositionInLine ?? 0));
            return new PlanDiagnostic("json-syntax", DiagnosticSeverity.Error, new SourceLocation(source, line + 1, column), [Reason(e.Message)]);
        }
    }

    // JSON's grammar allows an escape of half a surrogate pair ("\ud800"), but no text holds one: the first such string
    // or name is malformed JSON, where it starts.
    private static PlanDiagnostic? InvalidString(string text, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
            {
                continue;
            }

            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                var start = (int)reader.TokenStartIndex;
                var line = bytes.AsSpan(0, start).Count((byte)'\n');
                var lineStart = bytes.AsSpan(0, start).LastIndexOf((byte)'\n') + 1;
                var column = Encoding.UTF8.GetCharCount(bytes, lineStart, start - lineStart) + 1;
                return new PlanDiagnostic("json-syntax", DiagnosticSeverity.Error, new SourceLocation(source, line + 1, column), ["a string holds half of a surrogate pair (\\ud800…\\udfff alone)"]);
            }
        }

        return null;
    }

    // System.Text.Json counts UTF-8 bytes within the line; an editor counts characters, and Chinese takes three bytes.
    private static int CharacterColumn(string text, int line, int bytes)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
        {
            return bytes + 1;
        }

        var utf8 = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(utf8, 0, Math.Min(bytes, utf8.Length)) + 1;
    }

    // "'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 1." → what comes before the position;
    // the position is reported separately, counted from 1.
    private static string Reason(string message)
    {
        var cuts = new[] { message.IndexOf(" Path:", StringComparison.Ordinal), message.IndexOf(" LineNumber:", StringComparison.Ordinal) }.Where(i => i > 0).ToArray();
        return (cuts.Length > 0 ? message[..cuts.Min()] : message).TrimEnd(' ');
    }
}
