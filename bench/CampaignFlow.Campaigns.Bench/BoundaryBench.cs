using System.Diagnostics;
using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Workflows.Timing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Bench;

/// <summary>
/// A period boundary over N units whose rule sessions are all evicted (issue 13, "time moves in bulk"): N clones of
/// 西关街道 on SQLite and a clock the bench moves; the campaign ticked to 2014年5月31日, every unit records 西关街道's
/// demo log (definitions/activities) in one call, with a session budget of <c>budget</c> records (1: every session
/// is evicted by the next unit's), then the clock passes 2014年6月30日 and one tick moves every unit: its session
/// rebuilt from its records, its periods closed, its violations and watermark written. The tick is what is timed.
/// </summary>
internal static class BoundaryBench
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task<int> RunAsync(string source, string definitions, string database, int units, long budget)
    {
        var log = DemoLog(source);
        var clock = new ManualClock(new DateTimeOffset(2014, 2, 1, 0, 0, 0, China));
        var options = new CampaignOptions { DefinitionsPath = definitions, Clock = clock, MaxSessionRecordsInMemory = budget, HostId = "bench" };
        await using var stores = SqliteCampaignStores.Open(database);
        await using var service = await CampaignService.StartAsync(stores, options, NullLogger<CampaignService>.Instance);
        await TickToAsync(service, clock, new DateTimeOffset(2014, 5, 31, 12, 0, 0, China));

        var recording = Stopwatch.StartNew();
        for (var n = 1; n <= units; n++)
        {
            var result = await service.RecordAsync(StreetClones.UnitId(n), log, RecordFormat.Yaml, "bench");
            if (result.Records.Any(r => r.Outcome != AppendOutcome.Inserted))
            {
                Console.Error.WriteLine($"FAIL: unit {StreetClones.UnitId(n)}'s log was not stored whole");
                return 1;
            }
        }

        recording.Stop();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        clock.SetTo(new DateTimeOffset(2014, 7, 1, 1, 0, 0, China));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var boundary = Stopwatch.StartNew();
        await service.TickAsync(CancellationToken.None);
        boundary.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var behind = await stores.Records.UnitsBehindAsync(clock.GetUtcNow(), maxCount: units + 1);
        var open = await service.QueryViolationsAsync(new ViolationQuery { Status = ViolationStatus.Open, Limit = 1 }, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"units={units} session-budget={budget} records-per-unit={log.Split('\n').Length} record-s={recording.Elapsed.TotalSeconds:F1} boundary-s={boundary.Elapsed.TotalSeconds:F2} "
            + $"units-per-s={units / boundary.Elapsed.TotalSeconds:F0} boundary-cpu-s={used.TotalSeconds:F2} open={open.Total} behind={behind.Count} load={load}"));
        return behind.Count == 0 && open.Total > 0 ? 0 : 1;
    }

    private static async Task TickToAsync(CampaignService service, ManualClock clock, DateTimeOffset until)
    {
        for (var at = clock.GetUtcNow().AddDays(1); at < until; at = at.AddDays(1))
        {
            clock.SetTo(at);
            await service.TickAsync(CancellationToken.None);
        }

        clock.SetTo(until);
        await service.TickAsync(CancellationToken.None);
    }

    // The seed street's demo log, its records as a YAML list (each is one line of the file).
    private static string DemoLog(string source)
    {
        var path = Path.Combine(source, "activities", StreetClones.StreetFile);
        return string.Join('\n', File.ReadLines(path).Where(l => l.StartsWith("  - {", StringComparison.Ordinal)).Select(l => l[2..]));
    }
}
