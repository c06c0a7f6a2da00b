using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CampaignFlow.Rules.Bench;

// Usage: dotnet run -c Release --project bench/CampaignFlow.Rules.Bench -- --units 10000 --mode all
//   --mode all          the suite: per-unit and one-session at 1,000 and --units, naive and oracle; each in its own process
//   --mode per-unit | one-session | naive | oracle    one configuration in this process
//   --units N           units to generate (default 10000)     --seed S     generator seed (default 42)
//   --facts FILE        read facts from CSV instead of generating   --write-facts FILE   write the generated facts and exit
//   --naive-units N     units for the naive baseline and its engine counterpart (default 100; naive is quadratic)
//   --take-units N      keep only the first N units of the facts (generated or read)
//   --engine E          campaignflow (default) or nrules: the same three rules on NRules 1.0.4 (NRulesBenchRules.cs)
//   --insert one|batch  fact by fact with Insert (default), or each session's facts in one InsertAll
//   --gc workstation|blocking|server|both|all   the suite's child processes under the workstation GC (default), the
//                       workstation GC without background collections (blocking), the server GC (as the campaign
//                       service runs), workstation and server (both) or all three; one configuration runs under
//                       whatever DOTNET_gcServer and DOTNET_gcConcurrent say
//   --retain N          keep N small objects alive per fact beside each session (default 0): a probe of what every
//                       object a session keeps costs in garbage collection
//   --retain-in chain|array   the ballast as a chain (default) or in pages of an array, as nodes hold tokens
var options = Options.Parse(args);
if (options.WriteFacts is not null)
{
    var generated = Workload.Generate(options.Units, options.Seed);
    generated.Write(options.WriteFacts);
    Console.WriteLine($"Wrote {generated.Facts.Count} facts of {options.Units} units to {options.WriteFacts}");
    return 0;
}

if (options.Mode != "all")
{
    var workload = options.Facts is not null ? Workload.Read(options.Facts) : Workload.Generate(options.Units, options.Seed);
    if (options.TakeUnits is { } take)
    {
        var keep = workload.Facts.Select(Workload.UnitOf).Distinct().Order().Take(take).ToHashSet();
        workload = new Workload(workload.Facts.Where(f => keep.Contains(Workload.UnitOf(f))).ToList());
    }

    var m = Runs.Run(options.Mode, workload, options.Seed, options.Engine, options.Insert, new Ballast(options.Retain, options.RetainIn));
    Console.WriteLine(m.ToLine());
    return m.MatchesOracle ? 0 : 1;
}

var configurations = new List<(string Mode, int Units)>();
if (options.Facts is null && options.Units != 1000)
{
    configurations.Add(("per-unit", 1000));
    configurations.Add(("one-session", 1000));
}

configurations.Add(("per-unit", options.Units));
configurations.Add(("one-session", options.Units));
configurations.Add(("oracle", options.Units));
configurations.Add(("naive", -options.NaiveUnits));
configurations.Add(("one-session", -options.NaiveUnits));

GcMode[] gcModes = options.Gc switch
{
    "workstation" => [GcMode.Workstation],
    "blocking" => [GcMode.Blocking],
    "server" => [GcMode.Server],
    "both" => [GcMode.Workstation, GcMode.Server],
    "all" => [GcMode.Workstation, GcMode.Blocking, GcMode.Server],
    _ => throw new ArgumentException($"Unknown --gc '{options.Gc}': workstation, blocking, server, both or all."),
};
var results = new List<Measurement>();
var failed = false;
foreach (var (mode, units, gc) in configurations.SelectMany(c => gcModes.Select(g => (c.Mode, c.Units, g))))
{
    // A negative count marks the small configurations of the naive comparison: the first units of the same facts.
    var childArgs = new List<string> { "--mode", mode, "--units", Math.Abs(units).ToString(CultureInfo.InvariantCulture), "--seed", options.Seed.ToString(CultureInfo.InvariantCulture), "--engine", options.Engine, "--insert", options.Insert, "--retain", options.Retain.ToString(CultureInfo.InvariantCulture), "--retain-in", options.RetainIn };
    if (units < 0)
    {
        childArgs.AddRange(["--take-units", (-units).ToString(CultureInfo.InvariantCulture)]);
    }

    if (options.Facts is not null)
    {
        childArgs.AddRange(["--facts", options.Facts]);
    }

    Console.Error.WriteLine(options.Facts is null || units < 0 ? $"running {mode} with {Math.Abs(units)} units..." : $"running {mode} on {options.Facts}...");
    var output = RunChild(childArgs, gc, out var exitCode);
    var line = output.FirstOrDefault(l => l.StartsWith("RESULT|", StringComparison.Ordinal));
    if (line is null || exitCode != 0)
    {
        failed = true;
        Console.Error.WriteLine($"FAILED: {mode} {Math.Abs(units)} (exit {exitCode})\n{string.Join('\n', output)}");
        if (line is null)
        {
            continue;
        }
    }

    results.Add(Measurement.Parse(line));
}

Console.WriteLine("| mode | units | facts | compile ms | insert ms | fire ms | total ms | violations | = oracle | one more fact µs | peak MB | heap bytes/fact | GC pause ms | run CPU ms | run GC pause ms | run GCs 0/1/2 | run allocated MB |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Mode} | {r.Units:N0} | {r.Facts:N0} | {r.CompileMs:0.0} | {r.InsertMs:N0} | {r.FireMs:N0} | {r.TotalMs:N0} | {r.Violations:N0} | {(r.MatchesOracle ? "yes" : "NO")} | {r.OneMoreFactUs:0.0} | {r.PeakMb:N0} | {(r.BytesPerFact > 0 ? r.BytesPerFact.ToString("N0", CultureInfo.InvariantCulture) : "")} | {r.GcPauseMs:N0} | {r.RunCpuMs:N0} | {r.RunGcPauseMs:N0} | {r.RunCollections} | {r.RunAllocatedMb:N0} |"));
}

if (failed)
{
    Console.Error.WriteLine("SOME CONFIGURATIONS FAILED OR DISAGREED WITH THE ORACLE.");
    return 1;
}

return 0;

static List<string> RunChild(List<string> childArgs, GcMode gc, out int exitCode)
{
    var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
    start.Environment["DOTNET_gcServer"] = gc == GcMode.Server ? "1" : "0";
    start.Environment["DOTNET_gcConcurrent"] = gc == GcMode.Blocking ? "0" : "1";
    var self = Environment.ProcessPath!;
    start.FileName = self;
    if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
    {
        start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
    }

    foreach (var a in childArgs)
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var stderr = process.StandardError.ReadToEndAsync();
    var lines = new List<string>();
    while (process.StandardOutput.ReadLine() is { } l)
    {
        lines.Add(l);
    }

    process.WaitForExit();
    lines.AddRange(stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    exitCode = process.ExitCode;
    return lines;
}

internal sealed record Options(string Mode, int Units, int Seed, string? Facts, string? WriteFacts, int NaiveUnits, int? TakeUnits, string Engine, string Insert, string Gc, int Retain, string RetainIn)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        string? Optional(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new Options(
            Value("--mode", "all"),
            int.Parse(Value("--units", "10000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--seed", "42"), CultureInfo.InvariantCulture),
            Optional("--facts"),
            Optional("--write-facts"),
            int.Parse(Value("--naive-units", "100"), CultureInfo.InvariantCulture),
            Optional("--take-units") is { } take ? int.Parse(take, CultureInfo.InvariantCulture) : null,
            Value("--engine", "campaignflow"),
            Value("--insert", "one"),
            Value("--gc", "workstation"),
            int.Parse(Value("--retain", "0"), CultureInfo.InvariantCulture),
            Value("--retain-in", "chain"));
    }
}
