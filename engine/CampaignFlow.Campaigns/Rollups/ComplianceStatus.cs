using System.Text.Json.Serialization;

namespace CampaignFlow.Campaigns.Rollups;

/// <summary>Where a unit stands on one requirement on a day.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComplianceStatus>))]
public enum ComplianceStatus
{
    /// <summary>Every period of the requirement has closed and none of its violations is open.</summary>
    [JsonStringEnumMemberName("met")]
    Met,

    /// <summary>A period of the requirement has not closed yet, and none of its violations is open.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>At least one of its violations is open.</summary>
    [JsonStringEnumMemberName("violated")]
    Violated,
}
