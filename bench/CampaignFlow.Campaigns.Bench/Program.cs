using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CampaignFlow.Bench.Units;
using CampaignFlow.Campaigns.Bench;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Storage.Sqlite.Campaigns;
using Microsoft.Extensions.Logging.Abstractions;

// Start-up of the campaign service with N units on a fresh SQLite store, and a restart on the same store.
// Uses public APIs only (CampaignService.StartAsync, SqliteCampaignStores.Open), so one build of it runs against
// any commit that keeps them: build it before a change into a fixed folder and run the two alternately.
// Usage: dotnet run -c Release --project bench/CampaignFlow.Campaigns.Bench -- --units 1000
//   --units N              street units to generate (default 1000), each a clone of 西关街道's plan inheriting 魏都区委's
//   --layout clones|tree   clones: each unit a plan file (default); tree: the units in one organisation file, each
//                          running the seed template of its kind (the time to read and check the tree is printed too)
//   --restart on|off       also start a second service on the same store, as a restarted server does (default on)
//   --keep                 keep the temp folder (definitions/ and data/campaignflow.db) and print where it is
//   --definitions PATH     the repository's definitions folder to clone from (default: the first definitions/
//                          found walking up from the current directory)
//   --rollup on            instead: store open violations for the units and time the roll-ups of 魏都区委
//                          (see RollupBench); --open-per-unit K (default 8), --runs R (default 21)
//   --across on            instead (with --layout tree): the units record one by one and 魏都区委 judges its
//                          requirements over them (see AcrossBench)
//   --boundary on          instead: every unit records 西关街道's demo log, its session evicted, and one tick moves
//                          them all across a period boundary (see BoundaryBench); --session-budget RECORDS (default 1)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "on";
}

var known = new[] { "--units", "--layout", "--restart", "--keep", "--definitions", "--rollup", "--open-per-unit", "--runs", "--across", "--boundary", "--session-budget" };
if (options.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
{
    Console.Error.WriteLine($"unknown option {unknown}; options: --units N, --layout clones|tree, --restart on|off, --keep, --definitions PATH, --rollup on, --open-per-unit K, --runs R, --across on, --boundary on, --session-budget RECORDS");
    return 2;
}

var units = int.Parse(options.GetValueOrDefault("--units", "1000"), CultureInfo.InvariantCulture);
var restart = options.GetValueOrDefault("--restart", "on") is "on" or "true" or "yes";
var keep = options.ContainsKey("--keep");
var tree = options.GetValueOrDefault("--layout", "clones") == "tree";
var source = options.TryGetValue("--definitions", out var given) ? Path.GetFullPath(given) : FindDefinitions();
if (source is null || !StreetClones.HasSources(source) || (tree && !TreeUnits.HasSources(source)))
{
    Console.Error.WriteLine($"no definitions folder with {StreetClones.DistrictFile} and {StreetClones.StreetFile} "
        + (source is null ? "above " + Environment.CurrentDirectory : "at " + source) + "; give --definitions PATH");
    return 2;
}

var folder = Path.Combine(Path.GetTempPath(), "campaignflow-start-bench-" + Guid.NewGuid().ToString("N")[..8]);
var definitions = Path.Combine(folder, "definitions");
var database = Path.Combine(folder, "data", "campaignflow.db");
try
{
    var watch = Stopwatch.StartNew();
    if (tree)
    {
        TreeUnits.Write(source, definitions, units);
    }
    else
    {
        StreetClones.Write(source, definitions, units);
    }

    var generateMs = watch.Elapsed.TotalMilliseconds;
    if (options.ContainsKey("--across"))
    {
        return await AcrossBench.RunAsync(definitions, database, units);
    }

    if (options.ContainsKey("--boundary"))
    {
        return await BoundaryBench.RunAsync(source, definitions, database, units, long.Parse(options.GetValueOrDefault("--session-budget", "1"), CultureInfo.InvariantCulture));
    }

    if (options.ContainsKey("--rollup"))
    {
        return await RollupBench.RunAsync(definitions, database, units,
            int.Parse(options.GetValueOrDefault("--open-per-unit", "8"), CultureInfo.InvariantCulture), int.Parse(options.GetValueOrDefault("--runs", "21"), CultureInfo.InvariantCulture));
    }

    // Reading and checking the plans and the tree alone, as `campaignflow validate definitions/` does.
    watch.Restart();
    var catalog = CampaignFlow.Plans.Loading.PlanCatalog.Load([definitions]);
    var loadMs = watch.Elapsed.TotalMilliseconds;
    if (catalog.HasErrors)
    {
        Console.Error.WriteLine(string.Join("\n", catalog.Diagnostics.Take(5)));
        return 1;
    }

    // As the server: the system clock, the default session budget and host id, the SQLite file in a data folder.
    var serviceOptions = new CampaignOptions { DefinitionsPath = definitions };
    var first = await StartAsync(serviceOptions, database);
    var firstHeapMb = first.HeapMb;
    Run? second = null;
    if (restart)
    {
        second = await StartAsync(serviceOptions, database);
    }

    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    var running = second?.Units ?? first.Units;
    var problems = first.Problems + (second?.Problems ?? 0);

    var restartText = second is null ? "no restart" : $"restart {second.StartMs:F0} ms ({second.CpuMs:F0} ms CPU, {second.Units:N0} units, GC pause {second.GcPauseMs:F0} ms, heap {second.HeapMb:F1} MB)";
    Console.WriteLine($"CampaignFlow start-up: {units:N0} generated units ({(tree ? "one organisation file, templates by kind" : "one plan file each")}; {source}), plans and tree read and checked in {loadMs:F0} ms, SQLite, {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
        + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; generated in {generateMs:F0} ms; store opened in {first.OpenMs:F0} ms; "
        + $"start {first.StartMs:F0} ms ({first.CpuMs:F0} ms CPU, {first.Units:N0} units running, {first.Problems} plan problems, {first.AllocatedMb:F0} MB allocated, "
        + $"GC pause {first.GcPauseMs:F0} ms); {restartText}; managed heap after a full GC {firstHeapMb:F1} MB; peak working set {peakMb:F0} MB");
    Console.WriteLine($"load-ms={loadMs:F0} start-ms={first.StartMs:F0} restart-ms={(second is null ? "-" : $"{second.StartMs:F0}")} heap-mb={firstHeapMb:F1} "
        + $"peak-ws-mb={peakMb:F0} units={running} generated={units} problems={problems} open-ms={first.OpenMs:F0} "
        + $"alloc-mb={first.AllocatedMb:F0} gc-pause-ms={first.GcPauseMs:F0} restart-heap-mb={(second is null ? "-" : $"{second.HeapMb:F1}")} "
        + $"start-cpu-ms={first.CpuMs:F0} restart-cpu-ms={(second is null ? "-" : $"{second.CpuMs:F0}")}");
    if (keep)
    {
        Console.WriteLine($"kept {folder}");
    }

    // Every generated unit must run, and 魏都区委 its own campaign, and nothing be refused: a start that skipped units would look fast.
    return first.Units == units + 1 && (second is null || second.Units == units + 1) && problems == 0 ? 0 : 1;
}
finally
{
    if (!keep && Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

static async Task<Run> StartAsync(CampaignOptions options, string database)
{
    var open = Stopwatch.StartNew();
    await using var stores = SqliteCampaignStores.Open(database);
    var openMs = open.Elapsed.TotalMilliseconds;

    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var paused = GC.GetTotalPauseDuration();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await using var service = await CampaignService.StartAsync(stores, options, NullLogger<CampaignService>.Instance, CancellationToken.None);
    var startMs = watch.Elapsed.TotalMilliseconds;
    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    var gcPauseMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
    var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;

    // What a running server holds: the service (and the stores) alive, everything else collected.
    var heapMb = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
    GC.KeepAlive(service);
    return new Run(openMs, startMs, cpuMs, heapMb, allocatedMb, gcPauseMs, service.Units.Count, service.LoadProblems.Count);
}

static string? FindDefinitions()
{
    for (var at = new DirectoryInfo(Environment.CurrentDirectory); at is not null; at = at.Parent)
    {
        var candidate = Path.Combine(at.FullName, "definitions");
        if (StreetClones.HasSources(candidate))
        {
            return candidate;
        }
    }

    return null;
}

internal sealed record Run(double OpenMs, double StartMs, double CpuMs, double HeapMb, double AllocatedMb, double GcPauseMs, int Units, int Problems);
