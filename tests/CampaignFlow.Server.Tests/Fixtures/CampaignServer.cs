using System.Net.Http.Headers;
using CampaignFlow.Server.Demo;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignFlow.Server.Tests.Fixtures;

/// <summary>
/// The real server in memory (WebApplicationFactory over Program): definitions/ of the repository, a data folder
/// of its own, the test tokens, and a <see cref="VirtualClock"/> the test moves. SQLite by default; PostgreSQL
/// when given a connection string.
/// </summary>
public sealed class CampaignServer : WebApplicationFactory<Program>
{
    private readonly string? _postgres;
    private readonly Dictionary<string, string?> _extra;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _demo;
    private readonly bool _tokens;
    private readonly bool _ownsData;

    /// <summary>A server whose clock starts at <paramref name="start"/> (default: 2014-02-01, China time).</summary>
    public CampaignServer(DateOnly? start = null, string? postgresConnection = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool demo = false, bool tokens = true, string? dataFolder = null)
    {
        _demo = demo;
        _tokens = tokens;
        _ownsData = dataFolder is null;
        _services = services;
        _postgres = postgresConnection;
        _extra = settings?.ToDictionary() ?? [];
        Clock = new VirtualClock(DemoClock.Midnight(start ?? new DateOnly(2014, 2, 1)));
        DataFolder = dataFolder ?? NewDataFolder();
    }

    /// <summary>A data folder path nobody uses yet (not created).</summary>
    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "campaignflow-server-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The campaigns' clock (not the demo's, which keeps its own).</summary>
    public VirtualClock Clock { get; }

    /// <summary>The data folder (deleted on dispose unless it was given).</summary>
    public string DataFolder { get; }

    /// <summary>A client that sends <paramref name="token"/> (none when null) and asks for English unless told.</summary>
    public HttpClient As(string? token, string language = "en")
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Moves the clock to the end of <paramref name="day"/> (China time) and waits for the host's tick.</summary>
    public async Task MoveToEndOfAsync(DateOnly day)
    {
        Clock.MoveTo(DemoClock.Midnight(day.AddDays(1)).AddSeconds(-1));
        await TickAsync();
    }

    /// <summary>Waits until a tick that started after this call has finished.</summary>
    public Task TickAsync() => Services.GetRequiredService<TickSignal>().TickAsync().WaitAsync(TimeSpan.FromMinutes(2));

    /// <summary>The started campaign service.</summary>
    public RunningCampaigns Campaigns => Services.GetRequiredService<RunningCampaigns>();

    /// <summary>
    /// Starts the host and waits until the campaigns run (the real server listens while they start and answers 503
    /// meanwhile; tests of that start a host of their own with <see cref="WaitForCampaigns"/> off).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForCampaigns)
        {
            // A start that fails faults the task: the test sees why instead of a 503.
            if (!host.Services.GetRequiredService<RunningCampaigns>().WhenStarted.Wait(TimeSpan.FromMinutes(2)))
            {
                throw new TimeoutException("the campaigns did not start within 2 minutes");
            }
        }

        return host;
    }

    /// <summary>Whether creating the host waits for the campaigns to run (default true).</summary>
    public bool WaitForCampaigns { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("CampaignFlow:Definitions", Repository.Path("definitions"));
        builder.UseSetting("CampaignFlow:Data", DataFolder);
        builder.UseSetting("CampaignFlow:MaxSleepSeconds", "1");
        if (_postgres is not null)
        {
            builder.UseSetting("CampaignFlow:Store", "postgres");
            builder.UseSetting("ConnectionStrings:CampaignFlow", _postgres);
        }

        foreach (var (key, value) in (_tokens ? TestTokens.Settings() : []).Concat(_extra))
        {
            builder.UseSetting(key, value);
        }

        if (_demo)
        {
            // The demo keeps its own clock (at the earliest campaign's start) and its own tokens.
            builder.UseSetting("CampaignFlow:Demo", "true");
            builder.UseSetting("CampaignFlow:DemoDayMilliseconds", "1");
        }

        builder.ConfigureTestServices(services =>
        {
            if (!_demo)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsData && Directory.Exists(DataFolder))
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
}
