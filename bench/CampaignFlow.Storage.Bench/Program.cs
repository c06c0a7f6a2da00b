using System.Diagnostics;
using System.Globalization;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Bench;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Testing.Postgres;

// Usage: dotnet run -c Release --project bench/CampaignFlow.Storage.Bench -- --store sqlite|postgres --records 200000 --batch 1000
//   --store sqlite | postgres    which store (one run in this process; prints one Markdown table row)
//   --records N                  records to append (default 200000)      --batch B     records per AppendAsync, one transaction (default 1000)
//   --units U                    units the records are spread over (default 100)
//   --connection CS              PostgreSQL connection string; without it a private server is started (initdb + pg_ctl)
//   --suite                      batch 1, 100 and 1000 on both stores, each run in its own process; prints the table
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
}

string Option(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

const string Header = "| store | batch | records | seconds | records/s | peak working set (MB) |\n|---|---:|---:|---:|---:|---:|";

if (options.ContainsKey("--suite"))
{
    Console.WriteLine(Header);
    // Record counts keep each run short: a batch of 1 pays one durable commit (an fsync) per record.
    foreach (var store in new[] { "sqlite", "postgres" })
    {
        foreach (var (batch, count) in new[] { (1, 2_000), (100, 50_000), (1000, 200_000) })
        {
            var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            // Under `dotnet bench.dll` the host needs the assembly; the apphost (what `dotnet run` starts) does not.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                info.ArgumentList.Add(typeof(Activities).Assembly.Location);
            }

            foreach (var a in new[] { "--store", store, "--records", count.ToString(CultureInfo.InvariantCulture), "--batch", batch.ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(a);
            }

            if (options.TryGetValue("--connection", out var cs))
            {
                info.ArgumentList.Add("--connection");
                info.ArgumentList.Add(cs);
            }
            using var child = Process.Start(info)!;
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            Console.WriteLine(output.Split('\n').LastOrDefault(l => l.StartsWith("| ", StringComparison.Ordinal))?.TrimEnd() ?? $"| {store} | {batch} | failed (exit {child.ExitCode}) | | | |");
        }
    }
    return 0;
}

var storeName = Option("--store", "sqlite");
var total = Number("--records", 200_000);
var batchSize = Number("--batch", 1000);
var unitCount = Number("--units", 100);
var records = Enumerable.Range(0, total).Select(i => Activities.Record(i, unitCount)).ToList();

PrivatePostgresServer? server = null;
string? folder = null;
CampaignStores stores;
if (storeName == "postgres")
{
    var connection = Option("--connection", "");
    if (connection.Length == 0)
    {
        server = new PrivatePostgresServer();
        await server.InitializeAsync();
        connection = server.ConnectionString;
    }
    stores = await PostgresCampaignStores.OpenAsync(connection, "bench_" + Guid.NewGuid().ToString("N")[..8]);
}
else
{
    folder = Path.Combine(Path.GetTempPath(), "campaignflow-storage-bench-" + Guid.NewGuid().ToString("N")[..8]);
    stores = SqliteCampaignStores.Open(Path.Combine(folder, "bench.db"));
}

try
{
    // Warm-up outside the clock: JIT, connection pool, first pages of the indexes.
    await stores.Records.AppendAsync([Activities.Record(total, unitCount) with { Unit = "warm-up" }]);
    var stopwatch = Stopwatch.StartNew();
    for (var start = 0; start < records.Count; start += batchSize)
    {
        var results = await stores.Records.AppendAsync(records.GetRange(start, Math.Min(batchSize, records.Count - start)));
        if (results.Any(r => r.Outcome != AppendOutcome.Inserted))
        {
            throw new InvalidOperationException("every generated key is new; a duplicate means the store is wrong");
        }
    }
    stopwatch.Stop();
    var stored = await stores.Records.CountUnitAsync("unit-0000");
    if (stored != records.Count(r => r.Unit == "unit-0000"))
    {
        throw new InvalidOperationException($"unit-0000 has {stored} records stored");
    }

    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine(Header);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {storeName} | {batchSize} | {total:N0} | {stopwatch.Elapsed.TotalSeconds:F1} | {total / stopwatch.Elapsed.TotalSeconds:N0} | {peakMb:F0} |"));
    return 0;
}
finally
{
    await stores.DisposeAsync();
    if (server is not null)
    {
        await server.DisposeAsync();
    }

    if (folder is not null)
    {
        Directory.Delete(folder, recursive: true);
    }
}
