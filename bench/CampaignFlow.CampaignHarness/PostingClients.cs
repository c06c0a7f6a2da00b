using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// Posts each week's batches to <c>POST /units/{unit}/records</c>, <c>clients</c> at a time, and times every call.
/// The answer says which violations the recording opened and resolved, so a call whose answer changed violations is
/// a record → violation latency measured end to end. A batch not stored whole (an error, a refusal, a duplicate or
/// a conflict where the generator made a new record) is a failure of the run. With several hosts each unit posts to
/// the host that owns its partition (<see cref="Routes"/>, as a load balancer reading the hosts' /health would).
/// </summary>
internal sealed class PostingClients(IReadOnlyList<HttpClient> hosts, int clients)
{
    /// <summary>Clients of one host.</summary>
    public PostingClients(HttpClient http, int clients)
        : this([http], clients)
    {
    }

    /// <summary>Where each unit's posts go when there are several hosts; read again by the caller as ownership moves.</summary>
    public PartitionRoutes? Routes { get; set; }

    private readonly ConcurrentDictionary<string, int> _resolvedByUnit = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private long _posts;
    private long _records;
    private long _opened;
    private long _resolved;

    /// <summary>Every call's duration.</summary>
    public Latencies AllCalls { get; } = new();

    /// <summary>At a fixed rate: the durations of the calls due in the warm-up (the first seconds, <see cref="PostAtRateAsync"/>).</summary>
    public Latencies WarmupCalls { get; } = new();

    /// <summary>At a fixed rate: the durations of the calls due after the warm-up.</summary>
    public Latencies SteadyCalls { get; } = new();

    /// <summary>At a fixed rate with a warm-up: the process's CPU time when the first call after the warm-up was due (null: none was).</summary>
    public TimeSpan? SteadyCpuFrom { get; private set; }

    /// <summary>At a fixed rate: the calls' durations by the second (from the start) in which they were due.</summary>
    public ConcurrentDictionary<int, Latencies> BySecond { get; } = new();

    /// <summary>The durations of the calls whose answer opened or resolved a violation.</summary>
    public Latencies ChangingCalls { get; } = new();

    public long Posts => Interlocked.Read(ref _posts);

    public long Records => Interlocked.Read(ref _records);

    public long Opened => Interlocked.Read(ref _opened);

    public long Resolved => Interlocked.Read(ref _resolved);

    /// <summary>Violations each unit's posts resolved.</summary>
    public IReadOnlyDictionary<string, int> ResolvedByUnit => _resolvedByUnit;

    /// <summary>What went wrong, in the order seen.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public Task PostAsync(IReadOnlyList<WeekBatch> batches, CancellationToken ct) =>
        Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = ct }, PostOneAsync);

    /// <summary>Posts each list of several units' batches as one CSV to <c>POST /records</c>, <c>clients</c> at a time.</summary>
    public Task PostAcrossUnitsAsync(IReadOnlyList<IReadOnlyList<WeekBatch>> posts, CancellationToken ct) =>
        Parallel.ForEachAsync(posts, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = ct }, async (parts, token) =>
        {
            using var body = new ByteArrayContent(RecordBatchCsv.Write(parts));
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var label = $"{parts[0].Log.UnitId}…{parts[^1].Log.UnitId}";
            await PostAsync(hosts[0], "/records", body, parts.Sum(p => p.Records.Count), label, null, token, Stopwatch.GetTimestamp(), []);
        });

    /// <summary>
    /// Posts the batches at a fixed rate of records per second whatever the answers take (an open loop, as offices
    /// that do not wait for one another), at most <c>clients</c> calls in flight. Each call's latency counts from the
    /// moment it was due, so a server falling behind shows in the percentiles rather than slowing the senders down.
    /// Calls due in the first <paramref name="warmup"/> go to <see cref="WarmupCalls"/>, the rest to
    /// <see cref="SteadyCalls"/>, so the cold start (code compiled on first use, every unit's first post) is told apart.
    /// </summary>
    public async Task PostAtRateAsync(IReadOnlyList<WeekBatch> batches, double recordsPerSecond, TimeSpan warmup, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var inFlight = new SemaphoreSlim(clients);
        var calls = new List<Task>(batches.Count);
        long records = 0;
        foreach (var batch in batches)
        {
            var due = started + (long)(records / recordsPerSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            await inFlight.WaitAsync(ct);
            var second = (int)((due - started) / Stopwatch.Frequency);
            var phase = due - started < warmup.TotalSeconds * Stopwatch.Frequency ? WarmupCalls : SteadyCalls;
            if (phase == SteadyCalls && warmup > TimeSpan.Zero)
            {
                SteadyCpuFrom ??= Process.GetCurrentProcess().TotalProcessorTime;
            }

            calls.Add(PostReleasingAsync(batch, due, [phase, BySecond.GetOrAdd(second, _ => new Latencies())], inFlight, ct));
            records += batch.Records.Count;
        }

        await Task.WhenAll(calls);
    }

    private async Task PostReleasingAsync(WeekBatch batch, long due, Latencies[] also, SemaphoreSlim inFlight, CancellationToken ct)
    {
        try
        {
            await PostOneAsync(batch, ct, due, also);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private async ValueTask PostOneAsync(WeekBatch batch, CancellationToken ct) => await PostOneAsync(batch, ct, Stopwatch.GetTimestamp(), []);

    private async ValueTask PostOneAsync(WeekBatch batch, CancellationToken ct, long from, Latencies[] also)
    {
        using var body = new ByteArrayContent(RecordBatchJson.Write(batch.Records));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await PostAsync(HostOf(batch.Log.UnitId), $"/units/{batch.Log.UnitId}/records", body, batch.Records.Count, batch.Log.UnitId, batch.Log.UnitId, ct, from, also);
    }

    private HttpClient HostOf(string unit) =>
        hosts.Count == 1 || Routes is not { } routes ? hosts[0] : hosts[routes.HostOf(unit)];

    // The latency counts from `from`: the call's start, or the moment it was due at a fixed rate.
    private async Task PostAsync(HttpClient http, string path, HttpContent body, int count, string label, string? unit, CancellationToken ct, long from, Latencies[] also)
    {
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(from).TotalMilliseconds;
        Interlocked.Increment(ref _posts);
        AllCalls.Add(elapsed);
        foreach (var latencies in also)
        {
            latencies.Add(elapsed);
        }
        if (!response.IsSuccessStatusCode)
        {
            _failures.Enqueue($"{label}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 400)]}");
            return;
        }

        using var answer = JsonDocument.Parse(text);
        var root = answer.RootElement;
        var inserted = root.GetProperty("inserted").GetInt32();
        var opened = root.GetProperty("opened").GetArrayLength();
        var resolved = root.GetProperty("resolved").GetArrayLength();
        Interlocked.Add(ref _records, inserted);
        if (inserted != count)
        {
            _failures.Enqueue($"{label}: {inserted} of {count} records inserted " +
                $"({root.GetProperty("duplicates").GetInt32()} duplicates, {root.GetProperty("conflicts").GetInt32()} conflicts)");
        }

        if (opened + resolved > 0)
        {
            ChangingCalls.Add(elapsed);
            Interlocked.Add(ref _opened, opened);
            Interlocked.Add(ref _resolved, resolved);
            if (unit is not null)
            {
                _resolvedByUnit.AddOrUpdate(unit, resolved, (_, before) => before + resolved);
            }
            else
            {
                // A file of many units: each violation says whose it is.
                foreach (var violation in root.GetProperty("resolved").EnumerateArray())
                {
                    _resolvedByUnit.AddOrUpdate(violation.GetProperty("unit").GetString()!, 1, (_, before) => before + 1);
                }
            }
        }
    }
}
