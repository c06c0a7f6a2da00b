using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>
/// The unit lock contract, on <see cref="PostgresUnitLocks"/>: two hosts are two connection pools on one database.
/// And what only a server can show: the lock of a host whose connection dies is free at once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresUnitLockConformance(PrivatePostgresServer server) : UnitLockConformance, IAsyncLifetime
{
    private readonly string _schema = server.NewSchemaName();
    private readonly List<NpgsqlDataSource> _pools = [];

    protected override (IUnitLocks First, IUnitLocks Second) CreateHosts() =>
        (new PostgresUnitLocks(NewPool(), _schema), new PostgresUnitLocks(NewPool(), _schema));

    [Fact]
    public async Task The_lock_of_a_host_whose_connection_dies_is_free_for_the_others()
    {
        var name = "dying-" + Guid.NewGuid().ToString("N")[..8];
        var dying = NewPool(name);
        var survivor = new PostgresUnitLocks(NewPool(), _schema);
        _ = await new PostgresUnitLocks(dying, _schema).LockAsync("panyu-ftu");
        (await survivor.TryLockAsync("panyu-ftu")).ShouldBeNull();

        // As a SIGKILL of the host would: its connections end; nothing releases the lock.
        await using (var kill = server.DataSource.CreateCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1"))
        {
            kill.Parameters.Add(new NpgsqlParameter { Value = name });
            (await kill.ExecuteScalarAsync()).ShouldBe(1L);
        }

        await using var taken = await survivor.LockAsync("panyu-ftu").AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        taken.ShouldNotBeNull();
    }

    [Fact]
    public async Task Hosts_on_other_schemas_do_not_share_a_units_lock()
    {
        await using var held = await new PostgresUnitLocks(NewPool(), _schema).LockAsync("panyu-ftu");

        await using var elsewhere = await new PostgresUnitLocks(NewPool(), server.NewSchemaName()).TryLockAsync("panyu-ftu");

        elsewhere.ShouldNotBeNull();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var pool in _pools)
        {
            await pool.DisposeAsync();
        }
    }

    private NpgsqlDataSource NewPool(string? applicationName = null)
    {
        var pool = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { ApplicationName = applicationName }.ConnectionString);
        _pools.Add(pool);
        return pool;
    }
}
