using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Bench;

/// <summary>
/// The roll-up of 魏都区委 over N street clones on SQLite: the service started on the generated folder, open
/// violations stored through <see cref="IViolationStore.ApplyAsync"/> (so the store keeps its tallies as a server's
/// would), then each roll-up read timed: <c>GET /bodies/weidu-district/compliance</c>'s work (find the body, the
/// matrix sorted by who is behind, one page serialised as the API does), <c>GET /units?body=&amp;sort=behind</c>'s
/// and the history's.
/// </summary>
internal static class RollupBench
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string definitions, string database, int units, int openPerUnit, int runs)
    {
        await using var stores = SqliteCampaignStores.Open(database);
        var start = Stopwatch.StartNew();
        await using var service = await CampaignService.StartAsync(stores, new CampaignOptions { DefinitionsPath = definitions }, NullLogger<CampaignService>.Instance);
        var startMs = start.Elapsed.TotalMilliseconds;

        var store = Stopwatch.StartNew();
        var stored = await StoreViolationsAsync(service, stores.Violations, openPerUnit);
        var storeMs = store.Elapsed.TotalMilliseconds;

        var at = new DateOnly(2014, 6, 30);
        var matrix = await TimeAsync(runs, async () =>
        {
            var body = service.Rollups.FindBody("weidu-district")!;
            var rollup = await service.Rollups.GetComplianceAsync(body, new ComplianceFilter { At = at, Sort = ComplianceSort.Behind, Limit = 100 });
            return (JsonSerializer.SerializeToUtf8Bytes(rollup, Json).Length, rollup.TotalUnits, rollup.Totals.OpenViolations);
        });
        var behind = await TimeAsync(runs, async () =>
        {
            var body = service.Rollups.FindBody("weidu-district")!;
            var ranked = await service.Rollups.RankBehindAsync(body.Units, at);
            return (JsonSerializer.SerializeToUtf8Bytes(ranked, Json).Length, ranked.Count, ranked.Sum(r => r.OpenViolations));
        });
        var history = await TimeAsync(runs, async () =>
        {
            var body = service.Rollups.FindBody("weidu-district")!;
            var days = await service.Rollups.GetOpenHistoryAsync(body, null, null);
            return (JsonSerializer.SerializeToUtf8Bytes(days, Json).Length, days.Count, days.Count == 0 ? 0 : days[^1].Open);
        });

        // The parts: the organisation tree's units under the body, and the store's tallies of those units.
        var find = await TimeAsync(runs, () => Task.FromResult((0, service.Rollups.FindBody("weidu-district")!.Units.Count, 0)));
        var ids = service.Rollups.FindBody("weidu-district")!.Units.Select(u => u.Id).ToArray();
        var tallies = await TimeAsync(runs, async () => (0, ids.Length, (await stores.Violations.TallyOpenAsync(ids)).Sum(t => t.Open)));

        Console.WriteLine($"CampaignFlow roll-up: {service.Units.Count:N0} units under weidu-district, {stored:N0} open violations on SQLite, "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; start {startMs:F0} ms, violations stored in {storeMs:F0} ms; {runs} runs each after 3 warm-up runs");
        Console.WriteLine($"compliance-median-ms={matrix.Median:F1} compliance-min-ms={matrix.Min:F1} compliance-max-ms={matrix.Max:F1} compliance-cpu-ms={matrix.CpuMs:F1} compliance-bytes={matrix.Result.Bytes} "
            + $"units={matrix.Result.Units} open={matrix.Result.Open} behind-median-ms={behind.Median:F1} behind-cpu-ms={behind.CpuMs:F1} behind-bytes={behind.Result.Bytes} "
            + $"history-median-ms={history.Median:F1} history-days={history.Result.Units} history-last-open={history.Result.Open} "
            + $"find-body-median-ms={find.Median:F1} tallies-median-ms={tallies.Median:F1} tallies-min-ms={tallies.Min:F1} tallies-cpu-ms={tallies.CpuMs:F1}");
        // The generated units and 魏都区委, which runs its own campaign.
        return matrix.Result.Units == units + 1 && matrix.Result.Open == stored && behind.Result.Open == stored && history.Result.Open == stored ? 0 : 1;
    }

    // Each unit gets openPerUnit open violations, spread over its plan's requirements (two periods each where there are
    // fewer requirements), opened on days spread over the spring, so the tallies and the history have the shape a
    // campaign's have. Unit by unit in batches, as sessions apply them.
    private static async Task<int> StoreViolationsAsync(CampaignService service, IViolationStore violations, int openPerUnit)
    {
        var stored = 0;
        var batch = new List<ViolationUpdate>();
        foreach (var (unit, n) in service.Units.Select((u, i) => (u, i)))
        {
            var plan = service.FindPlan(unit.PlanId)!;
            var requirements = plan.Requirements.ToArray();
            // Every fourth unit is up to date, so the matrix has units of every kind of standing.
            var count = n % 4 == 0 ? 0 : openPerUnit;
            for (var k = 0; k < count; k++)
            {
                var requirement = requirements[k % requirements.Length];
                var period = k / requirements.Length;
                var end = new DateOnly(2014, 4, 1).AddDays((n % 60) + (period * 7));
                var at = new DateTimeOffset(end.AddDays(1).ToDateTime(new TimeOnly(9, 0)), China);
                batch.Add(new ViolationUpdate(true, at, new StoredViolation
                {
                    Id = $"{unit.Id}/{unit.PlanId}@{unit.PlanVersion}/{requirement.Id}/p{period}",
                    Unit = unit.Id,
                    Body = unit.Body,
                    PlanId = unit.PlanId,
                    PlanVersion = unit.PlanVersion,
                    RequirementId = requirement.Id,
                    ActionId = requirement.ActionId,
                    Kind = "count-in-window",
                    Severity = "required",
                    PhaseId = requirement.PhaseId,
                    Period = $"p{period}",
                    PeriodStart = end.AddDays(-6),
                    PeriodEnd = end,
                    Code = "bench",
                    MessageZh = "基准测试",
                    MessageEn = "benchmark",
                    Details = "{}",
                }));
                stored++;
            }

            if (batch.Count >= 2000)
            {
                await violations.ApplyAsync(batch);
                batch.Clear();
            }
        }

        await violations.ApplyAsync(batch);
        return stored;
    }

    private static async Task<(double Median, double Min, double Max, double CpuMs, (int Bytes, int Units, int Open) Result)> TimeAsync(int runs, Func<Task<(int, int, int)>> run)
    {
        for (var i = 0; i < 3; i++)
        {
            await run();
        }

        var times = new List<double>();
        (int, int, int) result = default;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        // CPU time per run (this process, every thread): what a run costs whatever else the machine is doing.
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        times.Sort();
        return (times[times.Count / 2], times[0], times[^1], cpuMs, result);
    }
}
