using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CampaignFlow.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Pages.Bench;

/// <summary>
/// The real server (its services, campaign runner and tick loop, API and console, on Kestrel on loopback) built in
/// this process with <see cref="ServerApplication.AddServices"/> and <see cref="ServerApplication.MapEndpoints"/> as
/// <see cref="ServerApplication.Build"/> builds it, on the system clock: every 2014 campaign is over, so the first
/// ticks judge every period and the pages show a whole campaign's violations. The bench's readers are its tokens.
/// </summary>
internal sealed class PagesHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PagesHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Ticks = app.Services.GetRequiredService<TickSignal>();
        Campaigns = app.Services.GetRequiredService<RunningCampaigns>();
    }

    public Uri Address { get; }

    public TickSignal Ticks { get; }

    public RunningCampaigns Campaigns { get; }

    /// <summary>From the call to the campaigns started (the runner starts them before the port opens).</summary>
    public TimeSpan StartTime { get; private set; }

    public static async Task<PagesHost> StartAsync(string definitions, string data, IReadOnlyList<BenchReader> readers)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = address.ToString().TrimEnd('/'),
            ["CampaignFlow:Definitions"] = definitions,
            ["CampaignFlow:Data"] = data,
            // A line per unit at the start and per tick is what the server logs at Information: not what is timed.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        for (var i = 0; i < readers.Count; i++)
        {
            var reader = readers[i];
            var prefix = "CampaignFlow:Tokens:" + i.ToString(CultureInfo.InvariantCulture) + ":";
            settings[prefix + "Name"] = reader.Name;
            settings[prefix + "Role"] = reader.Role;
            settings[prefix + "Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reader.Token)));
            settings[prefix + "Body"] = reader.Body;
            settings[prefix + "Group"] = reader.Group;
            settings[prefix + "Unit"] = reader.Unit;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        ServerApplication.AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        ServerApplication.MapEndpoints(app);

        var host = new PagesHost(app, address);
        var watch = Stopwatch.StartNew();
        await app.StartAsync();
        await host.Campaigns.WhenStarted;
        host.StartTime = watch.Elapsed;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
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
