using System.Diagnostics;
using CampaignFlow.Bench.Units;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Bench;

/// <summary>
/// 魏都区委 judging its requirements over N units (acrossUnits, WD-05 and WD-06 in its plan) on SQLite, through the
/// real recording path: each unit records its mass evaluation one POST at a time (every tenth unit records nothing),
/// each recording hands the record on to the district, and a tick every 100 records has the district judge its closed
/// period again over every unit, once for the batch (the record-all time includes the ticks). Then a
/// restart: a recording, then the tick that builds the district's session from the store (all N units' records).
/// </summary>
internal static class AcrossBench
{
    // Records between two ticks: the district judges what its units recorded since the last tick in one batch.
    private const int TickEvery = 100;

    public static async Task<int> RunAsync(string definitions, string database, int units)
    {
        var options = new CampaignOptions { DefinitionsPath = definitions };
        var latencies = new List<double>();
        int openAfter;
        string message;
        double recordAllMs;
        await using (var stores = SqliteCampaignStores.Open(database))
        {
            await using var service = await CampaignService.StartAsync(stores, options, NullLogger<CampaignService>.Instance);
            var all = Stopwatch.StartNew();
            for (var n = 1; n <= units; n++)
            {
                if (n % 10 == 0)
                {
                    continue; // behind: the district's violation names them
                }

                var one = Stopwatch.StartNew();
                var result = await service.RecordAsync(TreeUnits.UnitId(n), Evaluation(n), RecordFormat.Yaml, "bench");
                latencies.Add(one.Elapsed.TotalMilliseconds);
                if (latencies.Count % TickEvery == 0)
                {
                    await service.TickAsync(CancellationToken.None); // the server's loop, woken by the records, ticks while they come
                }

                if (result.Diagnostics.Count > 0 || result.Refusal is not null)
                {
                    Console.Error.WriteLine($"{TreeUnits.UnitId(n)}: {string.Join("; ", result.Diagnostics)} {result.Refusal}");
                    return 1;
                }
            }

            await service.TickAsync(CancellationToken.None);
            recordAllMs = all.Elapsed.TotalMilliseconds;
            (openAfter, message) = await DistrictAsync(service);
        }

        // A restart: the district's session is rebuilt from the store on its first use.
        await using (var stores = SqliteCampaignStores.Open(database))
        {
            var start = Stopwatch.StartNew();
            await using var service = await CampaignService.StartAsync(stores, options, NullLogger<CampaignService>.Instance);
            var startMs = start.Elapsed.TotalMilliseconds;
            var first = Stopwatch.StartNew();
            await service.RecordAsync(TreeUnits.UnitId(10), Evaluation(10), RecordFormat.Yaml, "bench");
            var firstRecordMs = first.Elapsed.TotalMilliseconds;
            var tick = Stopwatch.StartNew();
            await service.TickAsync(CancellationToken.None); // the body's session built from the store, the record taken
            var tickMs = tick.Elapsed.TotalMilliseconds;
            var (openAfterRestart, messageAfterRestart) = await DistrictAsync(service);
            latencies.Sort();
            Console.WriteLine($"CampaignFlow across units: 魏都区委 over {units:N0} units, {latencies.Count:N0} single-record recordings on SQLite, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine($"  district: {message}");
            Console.WriteLine($"  after the restart and one more unit: {messageAfterRestart}");
            Console.WriteLine($"record-all-ms={recordAllMs:F0} records-per-s={latencies.Count / (recordAllMs / 1000):F0} record-p50-ms={Percentile(latencies, 0.5):F1} "
                + $"record-p99-ms={Percentile(latencies, 0.99):F1} record-max-ms={latencies[^1]:F1} district-open={openAfter} restart-ms={startMs:F0} "
                + $"first-record-after-restart-ms={firstRecordMs:F0} body-rebuild-tick-ms={tickMs:F0} district-open-after-restart={openAfterRestart}");
            return openAfter > 0 ? 0 : 1;
        }
    }

    private static string Evaluation(int n) =>
        $"- {{ key: mass-evaluation, activity: mass-evaluation, on: 2014-04-{1 + (n % 28):00}, with: {{ participantGroup: 群众代表 }} }}";

    private static async Task<(int Open, string Message)> DistrictAsync(CampaignService service)
    {
        var open = await service.QueryViolationsAsync(new ViolationQuery { Units = ["weidu-district"], Status = ViolationStatus.Open, Limit = 1000 }, CancellationToken.None);
        var across = open.Items.FirstOrDefault(v => v.ActionId == "units-mass-evaluation");
        return (open.Items.Count, across?.MessageZh ?? "(no violation of units-mass-evaluation)");
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}
