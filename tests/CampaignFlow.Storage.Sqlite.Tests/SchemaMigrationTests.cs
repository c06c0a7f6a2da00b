using CampaignFlow.Storage.Sqlite.Migrations;
using CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Tests;

/// <summary>Versioned, forward-only migrations applied at open, once, even when several processes open a new file together.</summary>
public sealed class SchemaMigrationTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public void A_new_file_is_created_in_wal_mode_at_the_latest_schema_version()
    {
        using (SqliteWorkflowStore.Open(_database.Path))
        {
        }

        Scalar("PRAGMA journal_mode;").ShouldBe("wal");
        Versions().ShouldBe(Enumerable.Range(1, SqliteWorkflowStore.SchemaVersion).Select(v => (long)v));
        SchemaMigrations.Scripts.Select(s => s.Name).ShouldContain("0001-workflow-store.sql");
    }

    [Fact]
    public void Reopening_applies_no_script_twice()
    {
        SqliteWorkflowStore.Open(_database.Path).Dispose();
        SqliteWorkflowStore.Open(_database.Path).Dispose();

        Versions().Count.ShouldBe(SqliteWorkflowStore.SchemaVersion);
        using var connection = Connect();
        SchemaMigrations.Apply(connection).ShouldBe(0);
    }

    [Fact]
    public async Task Processes_and_threads_opening_a_new_file_at_once_migrate_it_exactly_once()
    {
        // Three other processes and four threads of this one all open the same, not yet existing file.
        var children = Enumerable.Range(0, 3).Select(_ => ChildProcess.Start(StoreOpener.Mode, _database.Path)).ToList();
        try
        {
            var threads = Enumerable.Range(0, 4).Select(_ => Task.Run(() => SqliteWorkflowStore.Open(_database.Path))).ToList();
            foreach (var store in await Task.WhenAll(threads))
            {
                store.Dispose();
            }

            foreach (var child in children)
            {
                child.WaitForExit(TimeSpan.FromSeconds(60)).ShouldBe(0, child.Errors);
                child.DrainLines().ShouldBe(["opened"]);
            }
        }
        finally
        {
            foreach (var child in children)
            {
                child.Dispose();
            }
        }

        Versions().ShouldBe(Enumerable.Range(1, SqliteWorkflowStore.SchemaVersion).Select(v => (long)v));
    }

    [Fact]
    public void A_file_from_a_newer_build_is_refused_not_downgraded()
    {
        SqliteWorkflowStore.Open(_database.Path).Dispose();
        Execute("INSERT INTO schema_version (version, script, applied_at) VALUES (99, '0099-future.sql', '2030-01-01');");

        var refused = Should.Throw<InvalidOperationException>(() => SqliteWorkflowStore.Open(_database.Path));
        refused.Message.ShouldContain("schema version 99");
    }

    [Fact]
    public void Due_timers_are_read_from_the_due_time_index_not_a_scan()
    {
        SqliteWorkflowStore.Open(_database.Path).Dispose();
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteWorkflowStore.SelectDueTimersSql;
        command.Parameters.AddWithValue("$now", 0L);
        command.Parameters.AddWithValue("$claimer", "x");
        command.Parameters.AddWithValue("$max", 10);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        plan.ShouldHaveSingleItem().ShouldStartWith("SEARCH timers USING INDEX ix_timers_due (due_ticks<?)");
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        return connection;
    }

    private List<long> Versions()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version;";
        using var reader = command.ExecuteReader();
        var versions = new List<long>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }

    private object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _database.Dispose();
}
