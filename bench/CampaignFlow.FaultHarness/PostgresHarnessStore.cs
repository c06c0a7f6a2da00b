using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.FaultHarness;

/// <summary>
/// A private PostgreSQL server for the run (the tests' <see cref="PrivatePostgresServer"/>: initdb into a temp folder,
/// 127.0.0.1 on a free port, stopped and removed at the end), one database per side; every host of a side shares it.
/// </summary>
internal sealed class PostgresHarnessStore(string work, string definitions) : IHarnessStore
{
    private readonly PrivatePostgresServer _server = new();
    private bool _started;

    public async Task StartAsync()
    {
        _started = true;
        await _server.InitializeAsync();
        Console.WriteLine($"  PostgreSQL started in {_server.StartupTime.TotalSeconds:F1} s ({_server.Folder})");
    }

    public async Task<HarnessDatabase> CreateAsync(string side)
    {
        var connection = await _server.CreateDatabaseAsync();
        return new HarnessDatabase(
            host => ["--data", Path.Combine(work, $"{side}-{host}"), "--definitions", definitions, "--store", "postgres"],
            new Dictionary<string, string> { ["ConnectionStrings__CampaignFlow"] = connection },
            () => PostgresCampaignStores.OpenAsync(connection));
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _server.DisposeAsync();
        }
    }
}
