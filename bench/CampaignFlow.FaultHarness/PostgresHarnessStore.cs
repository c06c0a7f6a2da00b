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
            // A killed host's partitions wait for its lease to run out (docs/adr/0022): a short one, so the survivors
            // take them over and catch their units up well within the harness's settling.
            host => ["--data", Path.Combine(work, $"{side}-{host}"), "--definitions", definitions, "--store", "postgres", "--partition-lease-seconds", "6"],
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
