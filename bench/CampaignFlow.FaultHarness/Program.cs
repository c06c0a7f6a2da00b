using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using CampaignFlow.FaultHarness;

// The kill loop of the fault harness (issue 14): the real server on SQLite under load, SIGKILLed at random moments and
// restarted, then compared with a fresh host fed the same batches once. Loopback only; bounded by --max-minutes.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: kill-loop --server PATH/CampaignFlow.Server.dll [--kills 20] [--seed N] [--max-minutes 15] [--keep]");
    return 2;
}

var repository = options.Repository;
var work = Directory.CreateTempSubdirectory("campaignflow-kill-loop-").FullName;
var random = new Random(options.Seed);
var token = "cf_harness_" + Guid.NewGuid().ToString("N");
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var deadline = Stopwatch.StartNew();
var budget = TimeSpan.FromMinutes(options.MaxMinutes);
var definitions = Path.Combine(repository, "definitions");
var loads = Workload.Read(definitions, random);
var units = loads.Select(l => l.Unit).ToArray();
var batches = loads.SelectMany(l => l.Batches).ToDictionary(b => b.Id);
Console.WriteLine($"kill loop: {units.Length} units, {batches.Count} batches, {batches.Values.Sum(b => b.Keys.Count)} records, {options.Kills} kills, seed {options.Seed}, in {work}");

// 1. The killed host: load while killing.
var killedData = Path.Combine(work, "killed");
var killed = new ServerProcess(options.ServerDll, repository, $"--data {killedData} --definitions {definitions}", token);
var clients = new LoadClients(http, () => killed.BaseAddress, random);
using var stopLoad = new CancellationTokenSource();
await killed.StartAsync(Path.Combine(work, "killed.log"), http, TimeSpan.FromSeconds(120));
clients.Up();
var load = clients.RunAsync(loads, stopLoad.Token);
var kills = 0;
for (; kills < options.Kills && deadline.Elapsed < budget; kills++)
{
    await Task.Delay(random.Next(100, 1500));
    killed.Kill();
    clients.Down();
    Console.WriteLine($"  kill {kills + 1} at {deadline.Elapsed.TotalSeconds:F1} s ({clients.Acknowledged.Count} batches acknowledged)");
    await killed.StartAsync(Path.Combine(work, "killed.log"), http, TimeSpan.FromSeconds(120));
    clients.Up();
}

// The rest of the load on the last start, then the host settles (its reconciler runs on the first tick).
var rest = budget - deadline.Elapsed;
if (await Task.WhenAny(load, Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero)) != load)
{
    await stopLoad.CancelAsync();
    Console.WriteLine("  the time budget ran out before the load finished");
}

var killedView = await SettledAsync(http, killed.BaseAddress, units);
await killed.StopAsync();
killedView = await killedView.WithRecordsAsync(Path.Combine(killedData, "campaignflow.db"), units);

// 2. A fresh host fed the stored batches once, in the order they were stored, never killed.
var freshData = Path.Combine(work, "fresh");
var fresh = new ServerProcess(options.ServerDll, repository, $"--data {freshData} --definitions {definitions}", token);
await fresh.StartAsync(Path.Combine(work, "fresh.log"), http, TimeSpan.FromSeconds(120));
var stored = batches.Values
    .Select(b => (Batch: b, Stored: b.Keys.Where(k => killedView.Records.ContainsKey((b.Unit, k))).ToArray()))
    .ToArray();
foreach (var (batch, _) in stored.Where(s => s.Stored.Length > 0).OrderBy(s => s.Stored.Min(k => killedView.Records[(s.Batch.Unit, k)].Sequence)))
{
    using var body = new StringContent(batch.Json, System.Text.Encoding.UTF8, "application/json");
    using var response = await http.PostAsync(new Uri(fresh.BaseAddress, $"/units/{batch.Unit}/records"), body);
    response.EnsureSuccessStatusCode();
}

var freshView = await SettledAsync(http, fresh.BaseAddress, units);
await fresh.StopAsync();
freshView = await freshView.WithRecordsAsync(Path.Combine(freshData, "campaignflow.db"), units);

// 3. The figures.
var lost = clients.Acknowledged.Keys.Sum(id => batches[id].Keys.Count(k => !killedView.Records.ContainsKey((batches[id].Unit, k))));
var partial = stored.Count(s => s.Stored.Length > 0 && s.Stored.Length < s.Batch.Keys.Count);
var recordsDiffering = Differing(killedView.Records.ToDictionary(r => $"{r.Key.Unit}/{r.Key.Key}", r => r.Value.Payload), freshView.Records.ToDictionary(r => $"{r.Key.Unit}/{r.Key.Key}", r => r.Value.Payload));
var openDiffering = Differing(Open(killedView), Open(freshView));
var violationsDiffering = Differing(killedView.Violations, freshView.Violations);
var statesDiffering = Differing(killedView.States, freshView.States);
var historiesDiffering = Differing(killedView.Histories, freshView.Histories);
foreach (var (what, ids) in new[] { ("record", recordsDiffering), ("violation", violationsDiffering), ("state", statesDiffering), ("history", historiesDiffering) })
{
    foreach (var id in ids.Take(10))
    {
        Console.WriteLine($"  {what} differs: {id}");
    }
}

var ok = kills >= options.Kills && lost == 0 && partial == 0 && killedView.Duplicated == 0 && clients.Errors == 0
    && recordsDiffering.Count == 0 && violationsDiffering.Count == 0 && statesDiffering.Count == 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"kills={kills} batches-acknowledged={clients.Acknowledged.Count} answers-lost={clients.LostAnswers} records-stored={killedView.Records.Count} " +
    $"lost={lost} duplicated={killedView.Duplicated} partial={partial} errors-5xx={clients.Errors} refused-4xx={clients.Refused} records-differing={recordsDiffering.Count} " +
    $"violations={killedView.Violations.Count} open={Open(killedView).Count} violations-differing={violationsDiffering.Count} open-differing={openDiffering.Count} " +
    $"states-differing={statesDiffering.Count} histories-differing={historiesDiffering.Count} seconds={deadline.Elapsed.TotalSeconds:F0} result={(ok ? "pass" : "FAIL")}"));
if (!options.Keep)
{
    Directory.Delete(work, recursive: true);
}

return ok ? 0 : 1;

static Dictionary<string, string> Open(Snapshot view) =>
    view.Violations.Where(v => v.Value.Contains("\"status\":\"open\"", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value);

static List<string> Differing(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
    a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y).Order(StringComparer.Ordinal).ToList();

// Reads until two reads a second apart agree: the host's first tick (timers, then the reconciler) has run.
static async Task<Snapshot> SettledAsync(HttpClient http, Uri host, string[] units)
{
    var last = await Snapshot.ReadAsync(http, host, units);
    for (var i = 0; i < 60; i++)
    {
        await Task.Delay(1000);
        var now = await Snapshot.ReadAsync(http, host, units);
        if (Same(now, last))
        {
            return now;
        }

        last = now;
    }

    return last;

    static bool Same(Snapshot a, Snapshot b) =>
        a.Violations.Count == b.Violations.Count && a.Violations.All(v => b.Violations.GetValueOrDefault(v.Key) == v.Value)
        && a.States.All(s => b.States.GetValueOrDefault(s.Key) == s.Value);
}
