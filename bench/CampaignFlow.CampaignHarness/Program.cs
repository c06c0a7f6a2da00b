using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CampaignFlow.Bench.Units;
using CampaignFlow.CampaignHarness;
using CampaignFlow.Server.Demo;

// Issue 13's whole-campaign harness: N generated units under 魏都区委 run a whole campaign (3月 to 9月 2014) on the real
// host, its runtime, rules and store, on a virtual clock moved a day at a time, their records posted over HTTP once
// a week; the figures come from the host's /metrics. Exit 0: the campaign ended as its gaps imply; 1: it did not
// (a unit not running, a batch refused, a violation missing or unexplained, an error in the host's log); 2: options.
if (args is [HostProcessCommands.Argument])
{
    return await HostProcessCommands.ServeAsync();
}

var options = HarnessOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

var work = Directory.CreateTempSubdirectory("campaignflow-campaign-").FullName;
var definitions = Path.Combine(work, "definitions");
var data = Path.Combine(work, "data");
TreeUnits.Write(options.Definitions, definitions, options.Units);
var token = "cf_harness_" + Guid.NewGuid().ToString("N");
var load = Uptime();
Console.WriteLine($"campaign harness: {options.Units} units + 魏都区委 on {options.Store} ({options.Hosts} host{(options.Hosts > 1 ? "s" : "")}{(options.HostProcesses ? ", each in its own process" : "")}), gaps {options.Gaps:P0}, seed {options.Seed}, " +
    $"{options.Clients} clients, {Environment.ProcessorCount} cores, load {load}, in {work}");

await using IRunStore store = options.Store == "postgres" ? new PostgresRunStore() : new SqliteRunStore(data);
using var serverLog = new ServerLog(Path.Combine(work, "server.log"));
var passed = false;
try
{
    var storeSettings = await store.PrepareAsync();
    if (options.SessionBudget is { } budget)
    {
        // The server's own option, as an operator sets it (CampaignFlow__MaxSessionRecordsInMemory).
        storeSettings = new Dictionary<string, string?>(storeSettings) { ["CampaignFlow:MaxSessionRecordsInMemory"] = budget.ToString(CultureInfo.InvariantCulture) };
    }

    serverLog.Capture();
    var host = await InProcessHost.StartAsync(definitions, data, storeSettings, token);
    await using var stopHost = host;
    // More hosts on the same database and the same campaign clock, each with a data folder of its own (its tokens):
    // in this process, or each in a process of its own.
    var hosts = new List<IHarnessHost> { host };
    var processes = new List<HostProcess>();
    for (var h = 1; h < options.Hosts; h++)
    {
        if (options.HostProcesses)
        {
            var process = await HostProcess.StartAsync(new HostProcessStart(definitions, $"{data}-{h + 1}", new(storeSettings), token, host.Clock.GetUtcNow(), $"harness-{h + 1}"), Console.Out);
            serverLog.Terminal.WriteLine($"  host harness-{h + 1} started in process {process.ProcessId} in {process.StartTime.TotalSeconds:F1} s");
            processes.Add(process);
            hosts.Add(process);
        }
        else
        {
            hosts.Add(await InProcessHost.StartAsync(definitions, $"{data}-{h + 1}", storeSettings, token, host.Clock, $"harness-{h + 1}"));
        }
    }

    await using var stopOthers = new StopHosts(hosts.Skip(1));
    var https = hosts.ConvertAll(h =>
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = h.Address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    });
    var http = https[0];

    // The units the host runs, as /health says.
    var health = Stopwatch.StartNew();
    using var healthAnswer = JsonDocument.Parse(await http.GetStringAsync(new Uri("/health", UriKind.Relative)));
    var healthMs = health.Elapsed.TotalMilliseconds;
    var running = healthAnswer.RootElement.GetProperty("unitsRunning").GetInt32();
    var planProblems = healthAnswer.RootElement.GetProperty("planProblems").GetInt32();

    // The logs, generated once the host has started (not part of any figure but the peak working set).
    var generation = Stopwatch.StartNew();
    var first = DateOnly.FromDateTime(host.Clock.GetUtcNow().ToOffset(DemoClock.ChinaOffset).DateTime);
    var calendar = new CampaignCalendar(first);
    var logs = CampaignLogs.Generate(TreeUnits.Units(options.Units), options.Gaps, options.ExtraPerWeek, options.Seed, calendar).ToArray();
    var generated = logs.Sum(l => (long)l.Records.Length);
    var generationMs = generation.Elapsed.TotalMilliseconds;
    serverLog.Terminal.WriteLine($"  started in {host.StartTime.TotalSeconds:F1} s: {running} units running, {planProblems} plan problems, /health {healthMs:F0} ms; " +
        $"{generated} records generated in {generationMs:F0} ms ({logs.Count(l => l.Gap is not null)} units with a gap, {logs.Count(l => l.Gap is { Late: true })} of them late)");

    if (options.Intake is not null)
    {
        passed = await IntakeRun.RunAsync(http, logs, first, options, () => ScrapeAsync(http), load, serverLog.Terminal);
        return passed ? 0 : 1;
    }

    // One scrape is a whole process's: every host's meters share their names, and the exporter of each listens to all
    // of them in the process. Hosts in processes of their own are scraped one by one and summed.
    var scraped = new[] { http }.Concat(processes.Select(p => https[hosts.IndexOf(p)])).ToList();
    var before = await ScrapeAllAsync(scraped);
    var clients = new PostingClients(https, options.Clients);
    if (hosts.Count > 1)
    {
        // The first host holds every partition until its next renewal sees the others (a third of the lease, 10 s). The
        // ticks meanwhile (the timers due at the start) count, as they do with one host.
        var split = Stopwatch.StartNew();
        while (!(clients.Routes = await PartitionRoutes.ReadAsync(https)).Split)
        {
            await Task.Delay(500);
        }

        serverLog.Terminal.WriteLine($"  the hosts split the partitions in {split.Elapsed.TotalSeconds:F1} s");
    }

    var cursors = new int[logs.Length];
    var (ticking, posting) = (new Stopwatch(), new Stopwatch());
    var wall = Stopwatch.StartNew();
    var days = 0;
    for (var day = calendar.First; day <= calendar.Last; day = day.AddDays(1), days++)
    {
        // The end of the day: records dated today are in the past, periods that ended yesterday close in this tick.
        ticking.Start();
        var endOfDay = DemoClock.Midnight(day.AddDays(1)).AddSeconds(-1);
        await Task.WhenAll(hosts.Select(h => h.MoveAndTickAsync(endOfDay, CancellationToken.None)));
        ticking.Stop();
        if (!calendar.EndsWeek(day))
        {
            continue;
        }

        var week = calendar.WeekOf(day);
        var batches = new List<WeekBatch>();
        for (var u = 0; u < logs.Length; u++)
        {
            var from = cursors[u];
            var to = from;
            while (to < logs[u].Records.Length && logs[u].Records[to].PostWeek <= week)
            {
                to++;
            }

            if (to > from)
            {
                batches.Add(new WeekBatch(logs[u], new ArraySegment<PlannedRecord>(logs[u].Records, from, to - from)));
                cursors[u] = to;
            }
        }

        posting.Start();
        if (hosts.Count > 1)
        {
            clients.Routes = await PartitionRoutes.ReadAsync(https);
        }

        if (options.WeeklyFiles is { } perFile)
        {
            await clients.PostAcrossUnitsAsync(AcrossUnitFiles.Cut(batches, perFile), CancellationToken.None);
        }
        else
        {
            await clients.PostAsync(batches, CancellationToken.None);
        }

        posting.Stop();
        if (week % 4 == 0 || day == calendar.Last)
        {
            Console.Error.WriteLine($"  {day:yyyy-MM-dd}: {wall.Elapsed.TotalSeconds:F0} s, {clients.Posts} posts, {clients.Records} records, " +
                $"{clients.Failures.Count} failures, working set {Environment.WorkingSet >> 20} MB");
        }
    }

    ticking.Start();
    var end = host.Clock.GetUtcNow();
    await Task.WhenAll(hosts.Select(h => h.MoveAndTickAsync(end, CancellationToken.None)));
    ticking.Stop();
    var wallSeconds = wall.Elapsed.TotalSeconds;
    await Task.Delay(1500); // the Prometheus exporter answers a scrape from its cache for a moment
    var after = await ScrapeAllAsync(scraped);
    var check = await ViolationCheck.RunAsync(host.Campaigns.Service, logs, clients.ResolvedByUnit, CancellationToken.None);
    var heapMb = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
    await stopOthers.DisposeAsync();
    // Every process's own peak, summed: the harness's (with the first host) and each host process's.
    var peakMb = (Process.GetCurrentProcess().PeakWorkingSet64 + processes.Sum(p => p.PeakWorkingSetBytes)) / 1048576.0;
    await stopHost.DisposeAsync();
    var dbMb = await store.SizeAsync() / 1048576.0;

    // The host's own counts of what the run did.
    double Delta(string name, string? label = null) => after.Sum(name, label) - before.Sum(name, label);
    var stored = Delta("campaignflow_records_stored_total", "outcome=\"inserted\"");
    var timers = Delta("campaignflow_timers_fired_total");
    var opened = Delta("campaignflow_violations_opened_total");
    var resolved = Delta("campaignflow_violations_resolved_total");
    var rebuilt = Delta("campaignflow_sessions_rebuilt_total");
    var activations = Delta("campaignflow_rules_fired_total");
    var ticks = Delta("campaignflow_tick_duration_seconds_count");
    var tickSeconds = Delta("campaignflow_tick_duration_seconds_sum");
    var recordingSeconds = Delta("campaignflow_recording_duration_seconds_sum");
    var appendSeconds = Delta("campaignflow_store_duration_seconds_sum", "operation=\"records.append\"");
    var appends = Delta("campaignflow_store_duration_seconds_count", "operation=\"records.append\"");
    var applySeconds = Delta("campaignflow_store_duration_seconds_sum", "operation=\"violations.apply\"");

    var failures = serverLog.Lines("fail").Concat(serverLog.Lines("crit")).ToList();
    var warnings = serverLog.Lines("warn");
    serverLog.Dispose();
    var problems = new List<string>();
    if (running != options.Units + 1 || planProblems != 0)
    {
        problems.Add($"{running} units running of {options.Units + 1}, {planProblems} plan problems");
    }

    if (clients.Failures.Count > 0)
    {
        problems.Add($"{clients.Failures.Count} batches not stored whole: " + string.Join(" | ", clients.Failures.Take(5)));
    }

    if (stored != generated || clients.Records != generated)
    {
        problems.Add($"{generated} records generated, {clients.Records} inserted by the answers, {stored} by /metrics");
    }

    problems.AddRange(check.Missing.Take(10).Select(m => "violation missing: " + m));
    if (check.Missing.Count > 0)
    {
        problems.Add($"{check.Missing.Count} violations the gaps imply are not open");
    }

    problems.AddRange(check.Unexpected.Take(10).Select(m => "violation no gap explains: " + m));
    if (check.Unexpected.Count > 0)
    {
        problems.Add($"{check.Unexpected.Count} open violations no gap explains");
    }

    problems.AddRange(check.NotResolved.Take(10).Select(m => "late record resolved nothing: " + m));
    problems.AddRange(failures.Take(10).Select(f => "host log: " + f));
    if (failures.Count > 0)
    {
        problems.Add($"{failures.Count} errors in the host's log");
    }

    passed = problems.Count == 0;
    var change = clients.ChangingCalls;
    var calls = clients.AllCalls;
    Console.WriteLine($"  campaign {calendar.First:yyyy-MM-dd}..{calendar.Last:yyyy-MM-dd} ({days} days, {ticks:F0} ticks) in {wallSeconds:F1} s: " +
        $"{stored:F0} records in {clients.Posts} posts ({stored / wallSeconds:F0} records/s), {timers:F0} timers fired ({timers / wallSeconds:F0}/s), " +
        $"{activations:F0} rule activations ({activations / wallSeconds:F0}/s), " +
        $"violations {opened:F0} opened, {resolved:F0} resolved, {check.Open} open at the end (魏都区委: {string.Join(", ", check.District)}); " +
        $"record → violation p50 {change.Percentile(50):F1} ms, p99 {change.Percentile(99):F1} ms over {change.Count} posts that changed violations " +
        $"(every post: p50 {calls.Percentile(50):F1} ms, p99 {calls.Percentile(99):F1} ms); peak working set {peakMb:F0} MB (hosts and harness, each process's peak summed), database {dbMb:F1} MB");
    Console.WriteLine($"  where the wall time went: waiting for ticks {ticking.Elapsed.TotalSeconds:F1} s (the host's ticks: {tickSeconds:F1} s, {1000 * tickSeconds / Math.Max(1, ticks):F1} ms each), " +
        $"posting {posting.Elapsed.TotalSeconds:F1} s (recordings inside the host: {recordingSeconds:F1} s; store: append {appendSeconds:F1} s, violations {applySeconds:F1} s); " +
        $"{rebuilt:F0} rule sessions rebuilt; {warnings.Count} warnings and {failures.Count} errors in the host's log");
    foreach (var problem in problems)
    {
        Console.WriteLine("  FAIL: " + problem);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"units={options.Units} store={options.Store} hosts={options.Hosts} host-processes={(options.HostProcesses ? "yes" : "no")} weekly-files={options.WeeklyFiles?.ToString(CultureInfo.InvariantCulture) ?? "no"} gaps={options.Gaps} seed={options.Seed} clients={options.Clients} extra-per-week={options.ExtraPerWeek} " +
        $"session-budget={(options.SessionBudget is { } b ? b.ToString(CultureInfo.InvariantCulture) : "default")} " +
        $"start-s={host.StartTime.TotalSeconds:F1} health-ms={healthMs:F0} wall-s={wallSeconds:F1} records={stored:F0} posts={clients.Posts} records-per-s={stored / wallSeconds:F0} " +
        $"timers={timers:F0} timers-per-s={timers / wallSeconds:F0} rule-activations={activations:F0} rule-activations-per-s={activations / wallSeconds:F0} ticks={ticks:F0} tick-s={tickSeconds:F1} tick-wait-s={ticking.Elapsed.TotalSeconds:F1} " +
        $"post-wait-s={posting.Elapsed.TotalSeconds:F1} recording-s={recordingSeconds:F1} append-s={appendSeconds:F1} appends={appends:F0} records-per-append={stored / Math.Max(1, appends):F1} apply-s={applySeconds:F1} opened={opened:F0} resolved={resolved:F0} " +
        $"open={check.Open} change-posts={change.Count} change-p50-ms={change.Percentile(50):F1} change-p99-ms={change.Percentile(99):F1} " +
        $"post-p50-ms={calls.Percentile(50):F1} post-p99-ms={calls.Percentile(99):F1} rebuilt={rebuilt:F0} peak-ws-mb={peakMb:F0} heap-mb={heapMb:F0} db-mb={dbMb:F1} " +
        $"warnings={warnings.Count} errors={failures.Count} load-before={load.Split(',')[0].Trim()} load-after={Uptime().Split(',')[0].Trim()} result={(passed ? "pass" : "FAIL")}"));
}
finally
{
    serverLog.Dispose();
    if (!options.Keep && passed)
    {
        Directory.Delete(work, recursive: true);
    }
    else
    {
        Console.WriteLine($"  kept {work} (definitions/, data/, server.log)");
    }
}

return passed ? 0 : 1;

static async Task<PrometheusText> ScrapeAsync(HttpClient http) =>
    PrometheusText.Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

static async Task<PrometheusText> ScrapeAllAsync(IEnumerable<HttpClient> processes) =>
    PrometheusText.Together(await Task.WhenAll(processes.Select(ScrapeAsync)));

// The load averages, as uptime prints them (1, 5 and 15 minutes).
static string Uptime() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
