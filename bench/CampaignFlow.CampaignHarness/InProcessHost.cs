using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CampaignFlow.Server.Demo;
using CampaignFlow.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// The real server (hosts/CampaignFlow.Server: its services, its campaign runner and tick loop, its endpoints, on
/// Kestrel on loopback) built in this process with <see cref="ServerApplication.AddServices"/> and
/// <see cref="ServerApplication.MapEndpoints"/>, as <see cref="ServerApplication.Build"/> builds it, with one change:
/// the clock is a <see cref="VirtualClock"/> the harness holds. The server has no endpoint or option that moves its
/// clock (only <c>--demo</c>, which replays the seed logs at its own pace and adds public tokens), so the clock can
/// only be moved from inside the process. Requests still go over HTTP, with one admin token made for the run.
/// </summary>
internal sealed class InProcessHost : IHarnessHost
{
    private readonly WebApplication _app;
    private int _stopped;

    private InProcessHost(WebApplication app, VirtualClock clock, Uri address)
    {
        _app = app;
        Clock = clock;
        Address = address;
        Ticks = app.Services.GetRequiredService<TickSignal>();
        Campaigns = app.Services.GetRequiredService<RunningCampaigns>();
    }

    public VirtualClock Clock { get; }

    public Uri Address { get; }

    public TickSignal Ticks { get; }

    public RunningCampaigns Campaigns { get; }

    /// <summary>How long the start took: the campaigns started (the runner does it before the server listens) and the port open.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>
    /// Builds the host on <paramref name="definitions"/> and <paramref name="store"/>, and starts it; on
    /// <paramref name="clock"/> when given (several hosts sharing one database and one campaign clock).
    /// </summary>
    public static async Task<InProcessHost> StartAsync(string definitions, string data, IReadOnlyDictionary<string, string?> store, string token, VirtualClock? clock = null, string hostId = "harness-1")
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var settings = new Dictionary<string, string?>(store)
        {
            ["urls"] = address.ToString().TrimEnd('/'),
            ["CampaignFlow:Definitions"] = definitions,
            ["CampaignFlow:Data"] = data,
            // Hosts in one process: each its own name in the partition leases.
            ["CampaignFlow:HostId"] = hostId,
            ["CampaignFlow:Tokens:0:Name"] = "campaign-harness",
            ["CampaignFlow:Tokens:0:Role"] = "admin",
            ["CampaignFlow:Tokens:0:Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))),
            // The server's appsettings.json levels, and the runner's line per tick that changed the open violations.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Logging:LogLevel:CampaignFlow.Server.Security.BearerTokenHandler"] = "Warning",
        };
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        ServerApplication.AddServices(builder.Services, builder.Configuration);
        // The last registration wins: the runner, the endpoints and the campaign service all take this clock. It
        // starts where --demo's does, at the midnight that begins the earliest campaign.
        clock ??= DemoClock.Create(new ServerOptions { Definitions = definitions });
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        ServerApplication.MapEndpoints(app);

        var host = new InProcessHost(app, clock, address);
        var watch = Stopwatch.StartNew();
        await app.StartAsync();
        await host.Campaigns.WhenStarted; // the server listens while the campaigns start
        host.StartTime = watch.Elapsed;
        return host;
    }

    /// <summary>Moves the clock to <paramref name="instant"/> and waits for a whole tick after the move.</summary>
    public async Task MoveAndTickAsync(DateTimeOffset instant, CancellationToken ct)
    {
        Clock.MoveTo(instant);
        await Ticks.TickAsync(ct);
    }

    /// <summary>Stops the host (its runner stops ticking and closes the store) once; the harness stops it before measuring the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
