using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CampaignFlow.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignFlow.Console.Tests.Fixtures;

/// <summary>
/// The real server, in process but listening on a real port (Kestrel) so Chromium can reach it: the repository's
/// definitions, the demo (seed logs replayed on its virtual clock, one day a millisecond) and its public tokens, a
/// data folder of its own. Ready once the demo's clock has passed the last campaign.
/// </summary>
/// <param name="dataFolder">A data folder to use (kept on dispose), e.g. to start a second server on the first one's data; null for a new one.</param>
/// <param name="demoUntil">The last day the demo replays (<c>--demo-until</c>), to stop mid-campaign; null for the whole demo.</param>
public sealed class ConsoleHost(string? dataFolder = null, DateOnly? demoUntil = null) : WebApplicationFactory<Program>
{
    // The last seed campaign ends in early October 2014 (DemoTests waits for the same day).
    private static readonly DateTimeOffset DemoEnd = new(2014, 10, 4, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly int _port = FreePort();

    /// <summary>The data folder (deleted on dispose unless it was given).</summary>
    public string DataFolder { get; } = dataFolder ?? NewDataFolder();

    /// <summary>A data folder path nobody uses yet (not created).</summary>
    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "campaignflow-console-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Where the server listens.</summary>
    public Uri Address => new($"http://127.0.0.1:{_port}");

    // The moment the demo's clock reaches once it has replayed everything it will.
    private DateTimeOffset Ready => demoUntil is { } until ? new DateTimeOffset(until.ToDateTime(new TimeOnly(23, 0)), TimeSpan.FromHours(8)) : DemoEnd;

    /// <summary>Starts the server, waits until its campaigns run and, unless told not to, for the demo to finish replaying.</summary>
    /// <param name="waitForDemo">Wait until the demo's clock has passed the last campaign.</param>
    public async Task StartAsync(bool waitForDemo = true)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, _port));
        StartServer();
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            // The server listens while its campaigns start (503 until they run).
            using var answer = await client.GetAsync("/health");
            if (answer.IsSuccessStatusCode)
            {
                using var health = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
                if (!waitForDemo || health.RootElement.GetProperty("now").GetDateTimeOffset() >= Ready)
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(waitForDemo
                    ? "The demo did not reach the end of the seed campaigns in 4 minutes."
                    : "The server's campaigns did not start in 4 minutes.");
            }

            await Task.Delay(200);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("CampaignFlow:Definitions", Repository.Path("definitions"));
        builder.UseSetting("CampaignFlow:Data", DataFolder);
        builder.UseSetting("CampaignFlow:MaxSleepSeconds", "1");
        builder.UseSetting("CampaignFlow:Demo", "true");
        builder.UseSetting("CampaignFlow:DemoDayMilliseconds", "1");
        if (demoUntil is { } until)
        {
            builder.UseSetting("CampaignFlow:DemoUntil", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && dataFolder is null && Directory.Exists(DataFolder))
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the file a moment longer on a slow machine; the temp folder is cleaned by the OS.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
