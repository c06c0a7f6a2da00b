using System.Diagnostics;
using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Api.Violations;
using CampaignFlow.Storage.Sqlite;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Violations.Bench;

// The read side of violations at scale (issue 13): a ?body= page, one unit's open page and the CSV export of a body.
// Usage (see README.md):
//   all [--units 10000] [--violations 90000]       generate a file, then each measurement in its own process; one table
//   generate --db FILE [--units U] [--violations V] V violations over U units, every 7th resolved
//   body --db FILE [--units U]                     first page (100, open) of the units under the body, as ?body= asks
//   unit --db FILE [--units U]                     first page (100) of one unit's open violations
//   csv --db FILE [--units U] [--out FILE]         every violation of the body's units as the CSV export writes it
var command = args.Length > 0 ? args[0] : "all";
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
}

string Option(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var unitCount = Number("--units", 10_000);
var violationCount = Number("--violations", 90_000);
var units = Enumerable.Range(0, unitCount).Select(Violations.Unit).ToArray();
var culture = CultureInfo.GetCultureInfo("zh-CN");

if (command == "all")
{
    var db = Path.Combine(Path.GetTempPath(), $"violations-bench-{Environment.ProcessId}.db");
    try
    {
        Console.WriteLine(Child("generate", db).Trim());
        Console.WriteLine("| measurement | median ms (of 10; csv: 1 run) | rows | peak RSS MB |\n|---|---:|---:|---:|");
        foreach (var what in new[] { "body", "unit", "csv" })
        {
            Console.WriteLine(Child(what, db).Split('\n').LastOrDefault(l => l.StartsWith("| ", StringComparison.Ordinal))?.TrimEnd() ?? $"| {what} | failed | | |");
        }
    }
    finally
    {
        foreach (var file in new[] { db, db + "-wal", db + "-shm", db + ".csv" })
        {
            File.Delete(file);
        }
    }
    return 0;
}

var path = Option("--db", "violations-bench.db");
await using var stores = SqliteCampaignStores.Open(path, new SqliteWorkflowStoreOptions { Durability = SqliteDurability.Normal });
var store = stores.Violations;
switch (command)
{
    case "generate":
        {
            var clock = Stopwatch.StartNew();
            var at = new DateTimeOffset(2014, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
            var perUnit = Math.Max(1, violationCount / unitCount);
            var all = Enumerable.Range(0, unitCount).SelectMany(u => Enumerable.Range(0, perUnit).Select(n => (u, n))).Take(violationCount);
            foreach (var batch in all.Chunk(2_000))
            {
                await store.ApplyAsync(batch.Select(x => new ViolationUpdate(true, at, Violations.Of(x.u, x.n))).ToArray());
                // Every 7th resolved, so a status filter has something to leave out.
                await store.ApplyAsync(batch.Where(x => (x.u + x.n) % 7 == 0).Select(x => new ViolationUpdate(false, at.AddDays(3), Violations.Of(x.u, x.n))).ToArray());
            }

            var total = (await store.QueryAsync(new ViolationQuery { Limit = 1 })).Total;
            Console.WriteLine($"generated {total:N0} violations over {unitCount:N0} units in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / 1048576.0:F0} MB)");
            return 0;
        }
    case "body":
        return await PageAsync("body (?body=, open, first 100)", new ViolationQuery { Units = units, Status = ViolationStatus.Open, Limit = 100 });
    case "unit":
        return await PageAsync("one unit's open page", new ViolationQuery { Units = [units[unitCount / 2]], Status = ViolationStatus.Open, Limit = 100 });
    case "csv":
        {
            var output = Option("--out", path + ".csv");
            var clock = Stopwatch.StartNew();
            await using (var file = File.Create(output))
            {
                await ExportAsync(new ViolationQuery { Units = units }, file);
            }

            var elapsed = clock.Elapsed.TotalMilliseconds;
            var rows = File.ReadLines(output).Count() - 1;
            Console.WriteLine($"| csv export of the body ({new FileInfo(output).Length / 1048576.0:F1} MB) | {elapsed:F0} | {rows:N0} | {PeakMegabytes():F0} |");
            return 0;
        }
    default:
        Console.Error.WriteLine($"unknown command '{command}': all, generate, body, unit or csv");
        return 2;
}

async Task<int> PageAsync(string name, ViolationQuery query)
{
    var page = await store.QueryAsync(query);
    var times = new List<double>();
    for (var i = 0; i < 10; i++)
    {
        var clock = Stopwatch.StartNew();
        page = await store.QueryAsync(query);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"| {name}, total {page.Total:N0} | {times[times.Count / 2]:F1} | {page.Items.Count} | {PeakMegabytes():F0} |");
    return 0;
}

#if CAMPAIGNFLOW_BEFORE
// The export as GET /violations?format=csv wrote it before: pages of 1,000 by offset, each with its count, the whole
// text in memory, then written out.
async Task ExportAsync(ViolationQuery query, Stream output)
{
    const int exportPage = 1000;
    var csv = new StringBuilder(ViolationCsv.Header).Append("\r\n");
    for (var offset = 0; ; offset += exportPage)
    {
        var page = await store.QueryAsync(query with { Offset = offset, Limit = exportPage });
        foreach (var v in page.Items)
        {
            csv.Append(ViolationCsv.Row(v, culture)).Append("\r\n");
        }

        if (page.Items.Count < exportPage)
        {
            break;
        }
    }

    await output.WriteAsync(Encoding.UTF8.GetBytes(csv.ToString()));
}
#else
async Task ExportAsync(ViolationQuery query, Stream output) =>
    await ViolationCsvExport.WriteAsync(output, store.StreamAsync(query), culture, CancellationToken.None);
#endif

static double PeakMegabytes() =>
    File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
        ? double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024
        : 0;

string Child(string what, string db)
{
    var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    // Under `dotnet bench.dll` the host needs the assembly; the apphost does not.
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
    {
        info.ArgumentList.Add(typeof(Violations).Assembly.Location);
    }

    foreach (var a in new[] { what, "--db", db, "--units", unitCount.ToString(CultureInfo.InvariantCulture), "--violations", violationCount.ToString(CultureInfo.InvariantCulture) })
    {
        info.ArgumentList.Add(a);
    }

    using var child = Process.Start(info)!;
    var text = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    return text;
}
