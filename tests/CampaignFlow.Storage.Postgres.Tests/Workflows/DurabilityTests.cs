using System.Collections.Concurrent;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Storage.Postgres.Workflows;
using CampaignFlow.Testing.Postgres;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Storage.Postgres.Tests.Workflows;

/// <summary>Every acknowledged commit survives the server being killed mid-stream (no graceful shutdown).</summary>
[Collection(PostgresCollection.Name)]
public sealed class DurabilityTests(PrivatePostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2014, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_acknowledged_commit_is_there_after_the_server_is_killed_mid_write()
    {
        var schema = server.NewSchemaName();
        var store = await PostgresWorkflowStore.OpenAsync(server.DataSource, schema);
        var acknowledged = new ConcurrentBag<string>();
        using var enough = new SemaphoreSlim(0);

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                var id = $"w{w}-{i}";
                try
                {
                    var result = await store.CommitAsync(NewInstance(id));
                    result.Status.ShouldBe(CommitStatus.Committed);
                    acknowledged.Add(id);
                    if (acknowledged.Count == 200)
                    {
                        enough.Release();
                    }
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or IOException)
                {
                    return; // the server died under this writer: that commit was never acknowledged
                }
            }
        })).ToList();

        (await enough.WaitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue("writers should reach 200 commits");
        await server.CrashAndRestartAsync();
        await Task.WhenAll(writers);

        var reopened = new PostgresWorkflowStore(server.DataSource, schema);
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(200);
        foreach (var id in acknowledged)
        {
            (await reopened.GetInstanceAsync(id)).ShouldNotBeNull($"{id} was acknowledged before the crash");
            (await reopened.GetJournalAsync(id)).Count.ShouldBe(2);
        }
    }

    private static WorkflowCommit NewInstance(string id) => new()
    {
        Instance = new WorkflowInstanceState
        {
            InstanceId = id,
            DefinitionId = "def",
            DefinitionVersion = 1,
            CorrelationKey = id,
            Status = WorkflowStatus.Running,
            Version = 1,
            CreatedAt = T0,
            UpdatedAt = T0,
        },
        ExpectedVersion = 0,
        Journal =
        [
            new JournalEntry { InstanceId = id, Sequence = 1, At = T0, Kind = JournalEventKind.WorkflowStarted },
            new JournalEntry { InstanceId = id, Sequence = 2, At = T0, Kind = JournalEventKind.ActivityStarted, ActivityId = "root", ExecutionId = 1 },
        ],
    };
}
