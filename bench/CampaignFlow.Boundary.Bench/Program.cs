using System.Diagnostics;
using System.Globalization;
using CampaignFlow.Storage.Postgres.Workflows;
using CampaignFlow.Storage.Sqlite;
using CampaignFlow.Testing.Postgres;
using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Timing;

// A period boundary for N instances on a durable store: every instance waits on a timer due at the same moment (the
// period closes), the clock passes it, and one host fires them all (FireDueTimersAsync). Issue 13's "time moves in bulk".
// Usage: dotnet run -c Release --project bench/CampaignFlow.Boundary.Bench -- --store sqlite|postgres --instances 10000
//   --store sqlite | postgres   SQLite (synchronous=FULL, WAL) in a temp folder, or a private PostgreSQL server
//   --instances N               instances, each with one timer due at the boundary (default 10000)

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
}

var storeName = options.GetValueOrDefault("--store", "sqlite");
var count = int.Parse(options.GetValueOrDefault("--instances", "10000"), CultureInfo.InvariantCulture);
var start = new DateTimeOffset(2014, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
var boundary = start.AddDays(31);

// What a unit's period does at its close: the timer fires, the next period's wait opens (a bookmark, a look for parked
// signals), and its own timer is scheduled.
var definition = new WorkflowDefinition("period", 1, new Sequence("periods",
    Delay.Until("march-closes", boundary),
    new Fork("april", new WaitForSignal("april-held", "held"), Delay.Until("april-closes", boundary.AddDays(30)))));

var folder = Directory.CreateTempSubdirectory("campaignflow-boundary-");
PrivatePostgresServer? server = null;
IWorkflowStore store;
IDisposable? sqlite = null;
if (storeName == "postgres")
{
    server = new PrivatePostgresServer();
    await server.InitializeAsync();
    store = await PostgresWorkflowStore.OpenAsync(server.DataSource, "boundary");
}
else
{
    var opened = SqliteWorkflowStore.Open(Path.Combine(folder.FullName, "boundary.db"));
    sqlite = opened;
    store = opened;
}

try
{
    var clock = new ManualClock(start);
    var runtime = new WorkflowRuntime(store, new WorkflowDefinitionRegistry(definition), clock, new WorkflowRuntimeOptions { ClaimerId = "bench" });
    var keys = Enumerable.Range(0, count).Select(i => $"unit-{i:D6}").ToArray();
    for (var from = 0; from < count; from += 1000)
    {
        await runtime.StartManyAsync("period", keys[from..Math.Min(count, from + 1000)]);
    }

    clock.SetTo(boundary.AddSeconds(1));
    var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var fired = await runtime.FireDueTimersAsync();
    watch.Stop();
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    if (fired.Count != count)
    {
        Console.Error.WriteLine($"FAIL: {fired.Count} timers fired, {count} expected");
        return 1;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"store={storeName} instances={count} fired={fired.Count} seconds={watch.Elapsed.TotalSeconds:F2} timers-per-s={fired.Count / watch.Elapsed.TotalSeconds:F0} cpu-s={used.TotalSeconds:F2} load={load}"));
    return 0;
}
finally
{
    sqlite?.Dispose();
    if (server is not null)
    {
        await server.DisposeAsync();
    }

    folder.Delete(recursive: true);
}
