using CampaignFlow.Campaigns.Service;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>
/// Reads the records a caller sends, in JSON, YAML or CSV, against the unit's plan and the documents it stored
/// before. JSON is read by System.Text.Json into the nodes YAML would give, so a syntax error is reported where that
/// parser stops and every other finding points into the caller's own text.
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
    /// <param name="unitId">The unit: a CSV's <c>unit</c> column may name it, and only it.</param>
    public static ActivityLog Read(string text, RecordFormat format, ResolvedPlan plan, IReadOnlyDictionary<string, DocumentRecord> knownDocuments, string unitId)
    {
        var source = SourceName(format);
        if (format == RecordFormat.Csv)
        {
            return ActivityLogCsvReader.ReadText(text, source, plan, knownDocuments, unitId);
        }

        return ActivityLogReader.ReadRecords(text, source, plan, knownDocuments, json: format == RecordFormat.Json);
    }
}
