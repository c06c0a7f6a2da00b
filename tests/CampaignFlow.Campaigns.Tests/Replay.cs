using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>Records days of a log through the service the way a unit would: at noon of each day, after the clock moved there.</summary>
internal static class Replay
{
    public static async Task DaysAsync(CampaignHarness h, CampaignService service, string unit, IEnumerable<(DateOnly Day, string Json)> days)
    {
        foreach (var (day, json) in days)
        {
            await h.TickToAsync(service, day, 12);
            var result = await service.RecordAsync(unit, json, RecordFormat.Json, "secretary", CancellationToken.None);
            result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
            result.Records.ShouldAllBe(r => r.Outcome == AppendOutcome.Inserted);
        }
    }
}
