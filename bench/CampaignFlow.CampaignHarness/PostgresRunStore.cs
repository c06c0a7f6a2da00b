using CampaignFlow.Testing.Postgres;
using Npgsql;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// A private PostgreSQL server for the run, as the tests and the kill loop start it (<see cref="PrivatePostgresServer"/>:
/// initdb into a temp folder, 127.0.0.1 on a free port, removed at the end), with one database for the host.
/// </summary>
internal sealed class PostgresRunStore : IRunStore
{
    private readonly PrivatePostgresServer _server = new();
    private string? _connection;

    public string Name => "postgres";

    public async Task<IReadOnlyDictionary<string, string?>> PrepareAsync()
    {
        await _server.InitializeAsync();
        _connection = await _server.CreateDatabaseAsync();
        Console.Error.WriteLine($"  PostgreSQL started in {_server.StartupTime.TotalSeconds:F1} s ({_server.Folder})");
        return new Dictionary<string, string?> { ["CampaignFlow:Store"] = "postgres", ["ConnectionStrings:CampaignFlow"] = _connection };
    }

    public async Task<long> SizeAsync()
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
