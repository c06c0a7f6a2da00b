using System.Diagnostics.Metrics;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Tests.Shared;
using CampaignFlow.Workflows.Persistence.InMemory;
using CampaignFlow.Workflows.Timing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A campaign service on in-memory stores and a manual clock, over a definitions folder (the seeds' by default).</summary>
internal sealed class CampaignHarness
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public CampaignHarness(DateOnly start, string? definitions = null)
    {
        Clock = new ManualClock(At(start));
        Definitions = definitions ?? Repository.Path("definitions");
        Stores = new CampaignStores(new InMemoryWorkflowStore(), new InMemoryRecordStore(), new InMemoryViolationStore(), new InMemoryPlanStore());
    }

    public ManualClock Clock { get; }

    public string Definitions { get; }

    public CampaignStores Stores { get; }

    public static DateTimeOffset At(DateOnly day, int hour = 0) => new(day.ToDateTime(new TimeOnly(hour, 0)), China);

    public static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public Task<CampaignService> StartAsync(int maxSessions = 256, IMeterFactory? meters = null, long maxSessionRecords = 1_000_000) =>
        CampaignService.StartAsync(Stores, new CampaignOptions { DefinitionsPath = Definitions, Clock = Clock, MaxSessionsInMemory = maxSessions, MaxSessionRecordsInMemory = maxSessionRecords, HostId = "test", MeterFactory = meters },
            NullLogger<CampaignService>.Instance, CancellationToken.None);

    /// <summary>Moves the clock to the start of <paramref name="day"/> (never back) and ticks until nothing more is due.</summary>
    public async Task TickToAsync(CampaignService service, DateOnly day, int hour = 0)
    {
        var to = At(day, hour);
        if (to > Clock.GetUtcNow())
        {
            Clock.SetTo(to);
        }

        await service.TickAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyList<StoredViolation>> OpenAsync(CampaignService service, string unit) =>
        (await service.QueryViolationsAsync(new ViolationQuery { Units = [unit], Status = ViolationStatus.Open, Limit = 1000 }, CancellationToken.None)).Items;
}
