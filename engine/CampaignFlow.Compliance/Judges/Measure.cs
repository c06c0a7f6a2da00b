using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Judges;

/// <summary>How an amount of activities is measured: their working hours, their number, or the sum of an attribute.</summary>
internal static class Measure
{
    public static decimal Of(IEnumerable<ActivityRecord> activities, bool workingTime, string? sum) =>
        sum is { } attribute && attribute != "duration" ? activities.Sum(a => a.Number(attribute))
        : workingTime || sum == "duration" ? activities.Sum(a => a.Hours)
        : activities.Count();
}
