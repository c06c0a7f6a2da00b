namespace CampaignFlow.Campaigns.Service;

/// <summary>The text format of records given to <see cref="CampaignService.RecordAsync(string, string, RecordFormat, string, RecordPolicy, CancellationToken)"/>.</summary>
public enum RecordFormat
{
    /// <summary>A JSON object (one record or an activity log with <c>records</c>) or an array of record objects.</summary>
    Json,

    /// <summary>YAML: one record, a list of records, or an activity log with <c>plan</c> and <c>records</c>.</summary>
    Yaml,

    /// <summary>CSV with a header row of record keys, one record a row (docs/activity-log-format.md).</summary>
    Csv,
}
