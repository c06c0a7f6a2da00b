using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CampaignFlow.Bench.Units;
using CampaignFlow.Pages.Bench;

// The console's pages timed with N units loaded: the real server in this process on the system clock (every 2014
// campaign judged), the pages read over HTTP by readers signed in with the console's cookie, each page's median and
// p95 printed. See README.md.
// Usage: dotnet run -c Release --project bench/CampaignFlow.Pages.Bench -- --units 10000
//   --units N            units in the generated organisation file (default 10000), as CampaignFlow.Bench.Units.TreeUnits
//                        writes them, with the seed's supervision groups of 魏都区委 beside them
//   --data PATH          the folder to keep definitions/ and data/ in; a folder an earlier run filled is used as it is
//                        (the same units and violations for every build compared); default: a temp folder, removed
//   --runs R             timed reads of each page (default 21), after --warmup W untimed ones (default 3)
//   --pages a,b          only these pages (names as printed)
//   --definitions PATH   the repository's definitions (default: the first definitions/ walking up)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "on";
}

var known = new[] { "--units", "--data", "--runs", "--warmup", "--pages", "--definitions" };
if (options.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
{
    Console.Error.WriteLine($"unknown option {unknown}; options: {string.Join(", ", known)}");
    return 2;
}

const string GroupsFile = "weidu-district.groups.yaml";
var units = int.Parse(options.GetValueOrDefault("--units", "10000"), CultureInfo.InvariantCulture);
var runs = int.Parse(options.GetValueOrDefault("--runs", "21"), CultureInfo.InvariantCulture);
var warmup = int.Parse(options.GetValueOrDefault("--warmup", "3"), CultureInfo.InvariantCulture);
var folder = options.TryGetValue("--data", out var kept) ? Path.GetFullPath(kept) : Path.Combine(Path.GetTempPath(), "campaignflow-pages-bench-" + Guid.NewGuid().ToString("N")[..8]);
var definitions = Path.Combine(folder, "definitions");
var data = Path.Combine(folder, "data");

var admin = new BenchReader("admin", "admin");
var auditor = new BenchReader("auditor", "auditor", Body: TreeUnits.DistrictUnitId);
var reviewer = new BenchReader("reviewer", "reviewer", Group: "weidu-group-1");
var readers = new[] { admin, auditor, reviewer };
var unit = TreeUnits.UnitId(Math.Min(2, units));
BenchPage[] pages =
[
    new("home-admin", admin, "/"),
    new("overview", auditor, "/console/bodies/" + TreeUnits.DistrictUnitId),
    new("overview-behind", auditor, "/console/bodies/" + TreeUnits.DistrictUnitId + "?sort=behind"),
    new("reviews-admin", admin, "/console/reviews"),
    new("reviews-group", reviewer, "/console/reviews"),
    new("group-1", admin, "/console/groups/weidu-group-1"),
    new("group-3", admin, "/console/groups/weidu-group-3"),
    new("unit", auditor, "/console/units/" + unit),
    new("violations", auditor, "/console/violations?body=" + TreeUnits.DistrictUnitId + "&status=open"),
    new("plans", admin, "/console/plans"),
];
if (options.TryGetValue("--pages", out var only))
{
    var names = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    if (names.FirstOrDefault(n => pages.All(p => p.Name != n)) is { } missing)
    {
        Console.Error.WriteLine($"no page {missing}; pages: {string.Join(", ", pages.Select(p => p.Name))}");
        return 2;
    }

    pages = pages.Where(p => names.Contains(p.Name)).ToArray();
}

var generated = false;
if (!Directory.Exists(definitions))
{
    var source = options.TryGetValue("--definitions", out var given) ? Path.GetFullPath(given) : FindDefinitions();
    if (source is null || !TreeUnits.HasSources(source))
    {
        Console.Error.WriteLine($"no definitions folder with {TreeUnits.DistrictFile} and the templates; give --definitions PATH");
        return 2;
    }

    TreeUnits.Write(source, definitions, units);
    // The seed's groups cover the district's kinds under 魏都区委, so each covers thousands of the generated units.
    File.Copy(Path.Combine(source, "organisation", GroupsFile), Path.Combine(definitions, "organisation", GroupsFile));
    generated = true;
}

try
{
    await using var host = await PagesHost.StartAsync(definitions, data, readers);
    var running = host.Campaigns.Service.Units.Count;
    Console.WriteLine($"{running:N0} units running (started in {host.StartTime.TotalSeconds:F1} s{(generated ? ", generated now" : ", from " + folder)}); judging the ended campaigns…");
    var settle = Stopwatch.StartNew();
    var open = await SettleAsync(host, admin);
    Console.WriteLine($"{open:N0} open violations after {settle.Elapsed.TotalSeconds:F1} s of ticks; load average {Load()}");

    var sessions = new Dictionary<BenchReader, ConsoleSession>();
    foreach (var reader in readers)
    {
        sessions[reader] = await ConsoleSession.SignInAsync(host.Address, reader, CancellationToken.None);
    }

    var times = pages.ToDictionary(p => p, _ => new PageTimes());
    // Page after page in each round, so a change in the machine's load falls on every page alike.
    for (var round = 0; round < warmup + runs; round++)
    {
        foreach (var page in pages)
        {
            var (milliseconds, bytes) = await sessions[page.Reader].ReadAsync(page.Path, CancellationToken.None);
            if (round >= warmup)
            {
                times[page].Add(milliseconds);
                times[page].Bytes = bytes;
            }
        }
    }

    foreach (var session in sessions.Values)
    {
        session.Dispose();
    }

    Console.WriteLine($"{"page",-16} {"median ms",10} {"p95 ms",8} {"max ms",8} {"KB",8}  path (reader)");
    foreach (var page in pages)
    {
        var t = times[page];
        Console.WriteLine($"{page.Name,-16} {t.Percentile(50),10:F1} {t.Percentile(95),8:F1} {t.Percentile(100),8:F1} {t.Bytes / 1024.0,8:F0}  {page.Path} ({page.Reader.Name})");
    }

    Console.WriteLine($"units={running} open={open} runs={runs} load={Load()} " + string.Join(' ', pages.Select(p => $"{p.Name}={times[p].Percentile(50):F1}/{times[p].Percentile(95):F1}")));
    return 0;
}
finally
{
    if (!options.ContainsKey("--data") && Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

// The open violations once three ticks in a row left their count alone: the ended periods are judged.
static async Task<long> SettleAsync(PagesHost host, BenchReader admin)
{
    using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
    long last = -1;
    for (var same = 0; same < 3;)
    {
        await host.Ticks.TickAsync();
        using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri("/violations?status=open&limit=1", UriKind.Relative)));
        var open = answer.RootElement.GetProperty("total").GetInt64();
        same = open == last ? same + 1 : 0;
        last = open;
    }

    return last;
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "-";

static string? FindDefinitions()
{
    for (var at = new DirectoryInfo(Environment.CurrentDirectory); at is not null; at = at.Parent)
    {
        var candidate = Path.Combine(at.FullName, "definitions");
        if (TreeUnits.HasSources(candidate))
        {
            return candidate;
        }
    }

    return null;
}
