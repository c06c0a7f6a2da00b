using System.Diagnostics;
using System.Globalization;
using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence.InMemory;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Signals;
using CampaignFlow.Workflows.Timing;

// Workflow runtime throughput on the in-memory store: N instances of a three-window definition with
// parallel tasks and gates, driven from start to finish on a manual clock.
// Usage: dotnet run -c Release --project bench/CampaignFlow.Workflows.Bench -- --instances 100000 [--parallel 2]

var instances = IntArg("--instances", 100_000);
var parallelism = IntArg("--parallel", 1);

var tz = TimeSpan.FromHours(8);
DateTimeOffset Day(int month, int day) => new(2014, month, day, 0, 0, 0, tz);

var definition = new WorkflowDefinition("campaign", 1, new Sequence("campaign",
    new Window("study", Day(2, 20), Day(5, 1), new Fork("study-actions",
        new RunTask("mobilization", "mobilization-held"),
        new RunTask("weekly-study", "study-done"),
        new RunTask("opinions", "opinions-collected"))),
    new WaitForSignal("plan-approved", "approved", "{correlation}/plan"),
    new Window("criticism", Day(5, 1), Day(8, 1), new Fork("criticism-actions",
        new RunTask("talks", "talks-held"),
        new RunTask("meeting", "meeting-held"))),
    new WaitForSignal("report-approved", "approved", "{correlation}/report"),
    new Window("rectification", Day(8, 1), Day(10, 1), new Fork("rectification-actions",
        new RunTask("rectification-plan", "rectification-planned"),
        new RunTask("publish", "plan-published")))));

var clock = new ManualClock(Day(2, 1));
var registry = new WorkflowDefinitionRegistry(definition);

Console.WriteLine($"CampaignFlow.Workflows bench: {instances:N0} instances, parallelism {parallelism}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine("definition: study window (3 parallel tasks) → gate → criticism window (2 tasks) → gate → rectification window (2 tasks, 1 left open: cancelled at close)");
Console.WriteLine();

var baseline = HeapBytes();
var store = new InMemoryWorkflowStore();
var runtime = new WorkflowRuntime(store, registry, clock, new WorkflowRuntimeOptions { ClaimerId = "bench", BatchSize = 1024 });
var ids = new string[instances];

var rows = new List<(string Stage, long Count, double Seconds, double GcSeconds)>();

await Stage("start", instances, async i => ids[i] = (await runtime.StartAsync("campaign", Unit(i))).InstanceId);
var idleWaiting = (HeapBytes() - baseline) / (double)instances;

await Timers("study opens", Day(2, 20), instances);
var idleOpen = (HeapBytes() - baseline) / (double)instances;

await Signals("study tasks", ["mobilization-held", "study-done", "opinions-collected"], null);
await Signals("plan approvals", ["approved"], "/plan");
await Timers("criticism opens", Day(5, 1), instances);
await Signals("criticism tasks", ["talks-held", "meeting-held"], null);
await Signals("report approvals", ["approved"], "/report");
await Timers("rectification opens", Day(8, 1), instances);
await Signals("rectification task", ["rectification-planned"], null);
await Timers("rectification closes", Day(10, 1), instances);

var completed = 0;
for (var i = 0; i < instances; i += Math.Max(1, instances / 1000))
{
    if ((await runtime.GetInstanceAsync(ids[i]))!.Status == WorkflowStatus.Completed)
    {
        completed++;
    }
}
var sampled = (instances + Math.Max(1, instances / 1000) - 1) / Math.Max(1, instances / 1000);
if (completed != sampled)
{
    throw new InvalidOperationException($"Only {completed} of {sampled} sampled instances completed.");
}

var journalLength = (await runtime.GetJournalAsync(ids[0])).Count;
var finished = (HeapBytes() - baseline) / (double)instances;

Console.WriteLine($"{"stage",-22} {"count",12} {"seconds",9} {"per second",12} {"GC pause s",11}");
foreach (var (stage, count, seconds, gcSeconds) in rows)
{
    Console.WriteLine($"{stage,-22} {count,12:N0} {seconds,9:F3} {count / seconds,12:N0} {gcSeconds,11:F3}");
}

Console.WriteLine();
Summary("instances started", "start");
Summary("signals applied", "study tasks", "plan approvals", "criticism tasks", "report approvals", "rectification task");
Summary("timers fired", "study opens", "criticism opens", "rectification opens", "rectification closes");
Console.WriteLine($"{"bytes per idle instance (waiting for its first window; state + journal + indexes)",-86} {idleWaiting,10:N0}");
Console.WriteLine($"{"bytes per idle instance (window open, 3 task bookmarks + close timer)",-86} {idleOpen,10:N0}");
Console.WriteLine($"{"bytes per finished instance (journal + its 8 signals, kept for idempotency)",-86} {finished,10:N0}");
Console.WriteLine($"{"journal entries per finished instance",-86} {journalLength,10:N0}");
Console.WriteLine($"{"GC pause total, s (of which the two measured full GCs are part)",-86} {GC.GetTotalPauseDuration().TotalSeconds,10:F2}");
Console.WriteLine($"{"gen0 / gen1 / gen2 collections",-86} {$"{GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)}",10}");
Console.WriteLine($"all {sampled:N0} sampled instances completed");
return;

async Task Stage(string name, int count, Func<int, Task> work)
{
    var watch = Stopwatch.StartNew();
    var gcBefore = GC.GetTotalPauseDuration();
    if (parallelism <= 1)
    {
        for (var i = 0; i < count; i++)
        {
            await work(i);
        }
    }
    else
    {
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) => await work(i));
    }
    rows.Add((name, count, watch.Elapsed.TotalSeconds, (GC.GetTotalPauseDuration() - gcBefore).TotalSeconds));
}

async Task Timers(string name, DateTimeOffset to, int expected)
{
    clock.SetTo(to);
    var watch = Stopwatch.StartNew();
    var gcBefore = GC.GetTotalPauseDuration();
    int fired;
    if (parallelism <= 1)
    {
        fired = await runtime.RunDueTimersAsync();
    }
    else
    {
        // Several hosts on one store: leases keep them off each other's timers.
        var hosts = Enumerable.Range(0, parallelism)
            .Select(h => new WorkflowRuntime(store, registry, clock, new WorkflowRuntimeOptions { ClaimerId = $"bench-{h}", BatchSize = 1024 }))
            .Select(host => Task.Run(() => host.RunDueTimersAsync()));
        fired = (await Task.WhenAll(hosts)).Sum();
    }
    rows.Add((name, fired, watch.Elapsed.TotalSeconds, (GC.GetTotalPauseDuration() - gcBefore).TotalSeconds));
    if (fired != expected)
    {
        throw new InvalidOperationException($"{name}: {fired} timers fired, expected {expected}.");
    }
}

async Task Signals(string name, string[] signalNames, string? correlationSuffix)
{
    foreach (var signalName in signalNames)
    {
        clock.Advance(TimeSpan.FromHours(1));
    }

    await Stage(name, instances * signalNames.Length, async n =>
    {
        var unit = Unit(n % instances);
        var signalName = signalNames[n / instances];
        var result = await runtime.SendSignalAsync(new Signal(signalName, unit + correlationSuffix) { IdempotencyKey = $"{signalName}:{unit}{correlationSuffix}", Sender = "bench" });
        if (result.Disposition != SignalDisposition.Delivered)
        {
            throw new InvalidOperationException($"{name}: signal {signalName} to {unit} was {result.Disposition}.");
        }
    });
}

void Summary(string label, params string[] stages)
{
    var picked = rows.Where(r => stages.Contains(r.Stage)).ToList();
    var count = picked.Sum(r => r.Count);
    var seconds = picked.Sum(r => r.Seconds);
    Console.WriteLine($"{label + " per second",-86} {count / seconds,10:N0}");
}

static string Unit(int i) => "unit-" + i.ToString(CultureInfo.InvariantCulture);

static long HeapBytes()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true);
}

int IntArg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
