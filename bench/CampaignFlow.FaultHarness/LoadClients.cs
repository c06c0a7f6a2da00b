using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CampaignFlow.FaultHarness;

/// <summary>
/// One client per unit, sending its batches in order while the server is up. A batch whose answer was lost (the
/// server died) is sent again half of the time — a client's retry, a duplicate to the server — and given up otherwise,
/// so some batches are stored with nobody ever asking again: what only the server's own reconciling can finish. With
/// several hosts, each request goes to one of those up, at random: a unit's batches are spread over every host.
/// </summary>
internal sealed class LoadClients(HttpClient client, IReadOnlyList<ServerProcess> hosts, Random random, LoadPace? pace = null)
{
    private readonly ConcurrentDictionary<int, HttpStatusCode> _acknowledged = new();
    private readonly ConcurrentDictionary<int, (ServerProcess Host, string Unit, int Records)> _inFlight = new();
    private int _lostAnswers;
    private int _errors;
    private int _refused;

    /// <summary>The batches the server answered 2xx for: every record of each must be stored.</summary>
    public IReadOnlyDictionary<int, HttpStatusCode> Acknowledged => _acknowledged;

    /// <summary>Requests whose answer never came (the server was killed under them).</summary>
    public int LostAnswers => _lostAnswers;

    /// <summary>Server errors (5xx): must be 0.</summary>
    public int Errors => _errors;

    /// <summary>
    /// Batches refused whole (4xx): expected when a batch names a document whose batch was given up, and harmless —
    /// nothing of a refused batch is stored, so the fresh host never sees it either.
    /// </summary>
    public int Refused => _refused;

    /// <summary>Every (host, unit) of a batch whose answer is awaited now.</summary>
    public IReadOnlyList<(ServerProcess Host, string Unit)> InFlight() => _inFlight.Values.Select(r => (r.Host, r.Unit)).Distinct().ToArray();

    /// <summary>The units whose batches <paramref name="host"/> is answering now.</summary>
    public IReadOnlyList<string> UnitsInFlightOn(ServerProcess host) =>
        _inFlight.Values.Where(r => r.Host == host).Select(r => r.Unit).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The host of the largest batch whose answer is awaited now, or null when none is: the one to kill.</summary>
    public ServerProcess? BusiestHost() =>
        _inFlight.Values.Where(r => r.Host.IsUp).OrderByDescending(r => r.Records).Select(r => r.Host).FirstOrDefault();

    public Task RunAsync(IReadOnlyList<UnitLoad> loads, CancellationToken ct) => Task.WhenAll(loads.Select(l => RunUnitAsync(l, ct)));

    private async Task RunUnitAsync(UnitLoad load, CancellationToken ct)
    {
        var jitter = new Random(random.Next());
        for (var index = 0; index < load.Batches.Count; index++)
        {
            var batch = load.Batches[index];
            while (pace is not null && !pace.MayPost(index, load.Batches.Count))
            {
                await Task.Delay(20, ct);
            }

            while (!ct.IsCancellationRequested)
            {
                // Paced, a unit's batch waits up to a second after the restart that lets it go, so the next kill (0.1 to
                // 1.5 s after that restart) finds requests in flight.
                await Task.Delay(pace is null ? jitter.Next(50, 300) : jitter.Next(50, 1000), ct);
                var up = hosts.Where(h => h.IsUp).ToArray();
                if (up.Length == 0)
                {
                    continue; // every host is down: wait for a restart
                }

                var host = up[jitter.Next(up.Length)];
                _inFlight[batch.Id] = (host, batch.Unit, batch.Keys.Count);
                try
                {
                    using var body = new StringContent(batch.Json, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(new Uri(host.BaseAddress, $"/units/{batch.Unit}/records"), body, ct);
                    if (response.IsSuccessStatusCode)
                    {
                        _acknowledged[batch.Id] = response.StatusCode;
                    }
                    else
                    {
                        _ = (int)response.StatusCode >= 500 ? Interlocked.Increment(ref _errors) : Interlocked.Increment(ref _refused);
                        var answer = await response.Content.ReadAsStringAsync(ct);
                        Console.Error.WriteLine($"batch {batch.Id} of {batch.Unit}: {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 300)]}");
                    }

                    break;
                }
                catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
                {
                    Interlocked.Increment(ref _lostAnswers);
                    if (jitter.Next(2) == 0)
                    {
                        break; // given up: stored or not, nobody asks again
                    }
                }
                finally
                {
                    _inFlight.TryRemove(batch.Id, out _);
                }
            }
        }
    }
}
