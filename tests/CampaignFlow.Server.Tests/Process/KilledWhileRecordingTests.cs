using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Process;

/// <summary>
/// The server killed (SIGKILL) while single-record posts arrive at once and are recorded in groups: every record it
/// acknowledged is stored after the restart — sent again, it is a duplicate — so nothing is answered before it is
/// durable.
/// </summary>
public sealed class KilledWhileRecordingTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "campaignflow-server-process", Guid.NewGuid().ToString("N"));
    private string? _token;

    [Fact]
    public async Task Every_record_acknowledged_before_a_kill_is_stored_after_the_restart()
    {
        var posts = SeedPosts.Activities(new DateOnly(2014, 2, 1), new DateOnly(2014, 10, 1));
        var acknowledged = new ConcurrentBag<SeedPost>();
        var port = ServerProcess.FreePort();
        var server = ServerProcess.Start("--definitions", "definitions", "--data", _data, "--urls", $"http://127.0.0.1:{port}");
        var killed = false;
        try
        {
            using var client = await ClientAsync(server, port);
            using var stop = new CancellationTokenSource();
            var sending = Parallel.ForEachAsync(posts, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stop.Token }, async (post, ct) =>
            {
                try
                {
                    using var response = await client.PostAsync(post.Path, ApiJson.Json(post.Json), ct);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add(post);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    // The server died under this post: it was not acknowledged.
                }
            });

            // Killed in the middle of the rush.
            while (acknowledged.Count < posts.Count / 3 && !sending.IsCompleted)
            {
                await Task.Delay(5);
            }

            server.Dispose();
            killed = true;
            await stop.CancelAsync();
            try
            {
                await sending;
            }
            catch (OperationCanceledException)
            {
                // The posts not yet sent.
            }
        }
        finally
        {
            if (!killed)
            {
                server.Dispose();
            }
        }

        acknowledged.Count.ShouldBeGreaterThan(0);
        acknowledged.Count.ShouldBeLessThan(posts.Count, "the kill came before every post was answered");
        using (var restarted = ServerProcess.Start("--definitions", "definitions", "--data", _data, "--urls", $"http://127.0.0.1:{port}"))
        {
            using var client = await ClientAsync(restarted, port);
            foreach (var post in acknowledged)
            {
                using var again = await client.PostAsync(post.Path, ApiJson.Json(post.Json));
                var answer = await again.ReadAsync(HttpStatusCode.OK);
                answer.GetProperty("duplicates").GetInt32().ShouldBe(1, post.Key);
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<HttpClient> ClientAsync(ServerProcess server, int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        (await server.WaitUntilStartedAsync(client, TimeSpan.FromSeconds(90))).StatusCode.ShouldBe(HttpStatusCode.OK, server.Output);
        // Written once, on the first start.
        _token ??= (await File.ReadAllTextAsync(Path.Combine(_data, TokenRegistry.AdminTokenFileName))).Trim();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return client;
    }
}
