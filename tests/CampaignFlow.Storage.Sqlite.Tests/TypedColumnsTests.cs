using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Tests;

/// <summary>What is queried is a typed column an SQL tool can read, kept in step with the JSON document, not only inside it.</summary>
public sealed class TypedColumnsTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task Status_definition_key_version_and_due_times_are_plain_columns_that_follow_commits()
    {
        using var store = SqliteWorkflowStore.Open(_database.Path);
        var state = Samples.State("i1", "panyu-ftu");
        var timer = Samples.Timer("i1", "t1", Samples.T0.AddDays(2));
        state.Timers.Add(timer);
        await store.CommitAsync(new WorkflowCommit { Instance = state, ExpectedVersion = 0, TimersScheduled = [timer], BookmarksAdded = [new BookmarkKey("approved", "panyu-ftu/plan")] });
        var faulted = (await store.GetInstanceAsync("i1"))!;
        faulted.Version = 2;
        faulted.Status = WorkflowStatus.Faulted;
        (await store.CommitAsync(new WorkflowCommit { Instance = faulted, ExpectedVersion = 1 })).Status.ShouldBe(CommitStatus.Committed);

        Row("SELECT status, definition_id, definition_version, correlation_key, version FROM workflow_instances WHERE id = 'i1';")
            .ShouldBe(["Faulted", "def", 1L, "panyu-ftu", 2L]);
        Row("SELECT name, correlation, instance_id FROM bookmarks;").ShouldBe(["approved", "panyu-ftu/plan", "i1"]);
        Row("SELECT due_at, due_ticks FROM timers;").ShouldBe(["2014-02-03T00:00:00.0000000+08:00", Samples.T0.AddDays(2).UtcTicks]);
    }

    private List<object> Row(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue(sql);
        var values = new List<object>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            values.Add(reader.GetValue(i));
        }

        reader.Read().ShouldBeFalse("one row expected: " + sql);
        return values;
    }

    public void Dispose() => _database.Dispose();
}
