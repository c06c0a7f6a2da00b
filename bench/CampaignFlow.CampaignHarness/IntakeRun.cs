using System.Diagnostics;
using System.Globalization;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// <c>--intake N</c>: every generated record posted as fast as the clients can, N records of one unit per POST (the
/// API takes one unit's records per call), all dated the campaign's first day so the clock need not move: what a
/// unit office's or a county's bulk upload costs (with <c>--across-units</c>, N records of many units per CSV to
/// <c>POST /records</c>, the units one after another as a body's export lists them), beside the campaign's weekly trickle. Figures from the answers
/// and the host's /metrics; a batch not stored whole fails the run.
/// </summary>
internal static class IntakeRun
{
    public static async Task<bool> RunAsync(HttpClient http, UnitLog[] logs, DateOnly day, HarnessOptions options, Func<Task<PrometheusText>> scrape, string load, TextWriter output)
    {
        var perPost = options.Intake!.Value;
        // Each unit's first batch, then each one's second…: the clients post to different units at once, as many offices
        // would, rather than queueing on one unit's lock.
        var batches = logs
            .SelectMany(log => log.Records.Select(r => r with { Day = day }).Chunk(perPost).Select((chunk, i) => (Round: i, Batch: new WeekBatch(log, chunk))))
            .OrderBy(b => b.Round)
            .Select(b => b.Batch)
            .ToList();
        var records = batches.Sum(b => (long)b.Records.Count);
        var before = await scrape();
        var clients = new PostingClients(http, options.Clients);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        if (options.AcrossUnits)
        {
            var dated = logs.Select(log => new WeekBatch(log, log.Records.Select(r => r with { Day = day }).ToArray()));
            await clients.PostAcrossUnitsAsync(AcrossUnitFiles.Cut(dated, perPost), CancellationToken.None);
        }
        else if (options.Rate is { } rate)
        {
            await clients.PostAtRateAsync(batches, rate, TimeSpan.FromSeconds(options.WarmupSeconds), CancellationToken.None);
        }
        else
        {
            await clients.PostAsync(batches, CancellationToken.None);
        }

        var seconds = wall.Elapsed.TotalSeconds;
        // The host's and the clients' CPU together (one process), over the intake alone.
        var cpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuSeconds = (cpuAfter - cpuBefore).TotalSeconds;
        var steadyCpuMs = clients.SteadyCpuFrom is { } steadyFrom ? (cpuAfter - steadyFrom).TotalMilliseconds / Math.Max(1, clients.SteadyCalls.Count) : double.NaN;
        await Task.Delay(1500); // the Prometheus exporter answers from its cache for a moment
        var after = await scrape();
        double Delta(string name, string? label = null) => after.Sum(name, label) - before.Sum(name, label);
        var stored = Delta("campaignflow_records_stored_total", "outcome=\"inserted\"");
        var recordingSeconds = Delta("campaignflow_recording_duration_seconds_sum");
        var appendSeconds = Delta("campaignflow_store_duration_seconds_sum", "operation=\"records.append\"");
        var rebuilt = Delta("campaignflow_sessions_rebuilt_total");
        var ticks = Delta("campaignflow_tick_duration_seconds_count");
        var tickSeconds = Delta("campaignflow_tick_duration_seconds_sum");
        // The runtime's own meters (System.Runtime): how long the collector paused the process, and how often it went to gen2.
        var gcPauseSeconds = Delta("dotnet_gc_pause_time_seconds_total");
        var gen2 = Delta("dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"");
        var calls = clients.AllCalls;
        var passed = clients.Failures.Count == 0 && stored == records && clients.Records == records;
        foreach (var failure in clients.Failures.Take(5))
        {
            output.WriteLine("  FAIL: " + failure);
        }

        if (stored != records)
        {
            output.WriteLine($"  FAIL: {records} records posted, {stored} stored by /metrics");
        }

        if (options.Rate is not null)
        {
            // When the slow calls were due: a stall shows as a second whose p99 stands out.
            foreach (var (second, latencies) in clients.BySecond.OrderBy(s => s.Key))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  second {second,3}: {latencies.Count,5} posts, p50 {latencies.Percentile(50),8:F1} ms, p99 {latencies.Percentile(99),8:F1} ms, max {latencies.Percentile(100),8:F1} ms"));
            }
        }

        output.WriteLine($"  intake: {records} records of {logs.Length} units in {clients.Posts} posts of up to {perPost} in {seconds:F1} s " +
            $"({records / seconds:F0} records/s; per post p50 {calls.Percentile(50):F1} ms, p99 {calls.Percentile(99):F1} ms); " +
            $"recordings inside the host {recordingSeconds:F1} s, append {appendSeconds:F1} s, {rebuilt:F0} rule sessions rebuilt");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode=intake{(options.AcrossUnits ? " across-units=true" : "")}{(options.Rate is { } r ? " rate=" + r.ToString(CultureInfo.InvariantCulture) : "")} units={options.Units} store={options.Store} records-per-post={perPost} clients={options.Clients} records={records} posts={clients.Posts} " +
            $"wall-s={seconds:F1} records-per-s={records / seconds:F0} post-p50-ms={calls.Percentile(50):F1} post-p99-ms={calls.Percentile(99):F1} {Phases(options, clients, steadyCpuMs)}" +
            $"recording-s={recordingSeconds:F1} append-s={appendSeconds:F1} rebuilt={rebuilt:F0} ticks={ticks:F0} tick-s={tickSeconds:F1} cpu-s={cpuSeconds:F1} cpu-ms-per-post={cpuSeconds * 1000 / Math.Max(1, clients.Posts):F2} gc-pause-s={gcPauseSeconds:F2} gen2-gcs={gen2:F0} peak-ws-mb={Process.GetCurrentProcess().PeakWorkingSet64 >> 20} " +
            $"load-before={load.Split(',')[0].Trim()} load-after={File.ReadAllText("/proc/loadavg").Split(' ')[0]} result={(passed ? "pass" : "FAIL")}"));
        return passed;
    }

    // With a warm-up, the calls due in it (cold) and after it (steady) apart.
    private static string Phases(HarnessOptions options, PostingClients clients, double steadyCpuMs) =>
        options.WarmupSeconds > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"warmup-s={options.WarmupSeconds} cold-posts={clients.WarmupCalls.Count} cold-p50-ms={clients.WarmupCalls.Percentile(50):F1} cold-p99-ms={clients.WarmupCalls.Percentile(99):F1} " +
                $"steady-posts={clients.SteadyCalls.Count} steady-p50-ms={clients.SteadyCalls.Percentile(50):F1} steady-p99-ms={clients.SteadyCalls.Percentile(99):F1} steady-cpu-ms-per-post={steadyCpuMs:F2} ")
            : "";
}
