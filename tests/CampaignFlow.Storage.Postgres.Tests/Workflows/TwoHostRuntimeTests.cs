using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Storage.Postgres.Workflows;
using CampaignFlow.Testing.Postgres;
using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Signals;
using CampaignFlow.Workflows.Timing;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Tests.Workflows;

/// <summary>Two hosts, each with its own connection pool and claimer id, running one database's workflows at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoHostRuntimeTests(PrivatePostgresServer server)
{
    private static readonly DateTimeOffset Start = new(2014, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Two_hosts_sharing_a_database_fire_every_timer_and_apply_every_signal_once()
    {
        const int units = 40;
        var schema = server.NewSchemaName();
        await using var sourceA = NpgsqlDataSource.Create(server.ConnectionString);
        await using var sourceB = NpgsqlDataSource.Create(server.ConnectionString);
        var definitions = new WorkflowDefinitionRegistry(new WorkflowDefinition("plan", 1, new Sequence("campaign",
            new Window("study", Start.AddDays(10), Start.AddDays(40), new RunTask("mobilization", "mobilization-held", "{correlation}")),
            new Window("criticism", Start.AddDays(40), Start.AddDays(80), new RunTask("talks", "talks-held", "{correlation}")))));
        var clock = new ManualClock(Start);
        var hostA = new WorkflowRuntime(await PostgresWorkflowStore.OpenAsync(sourceA, schema), definitions, clock, new WorkflowRuntimeOptions { ClaimerId = "host-a" });
        var hostB = new WorkflowRuntime(await PostgresWorkflowStore.OpenAsync(sourceB, schema), definitions, clock, new WorkflowRuntimeOptions { ClaimerId = "host-b" });

        var ids = new List<string>();
        for (var u = 0; u < units; u++)
        {
            ids.Add((await (u % 2 == 0 ? hostA : hostB).StartAsync("plan", $"unit-{u}")).InstanceId);
        }

        async Task BothHostsRunTimers() =>
            await Task.WhenAll(Task.Run(() => hostA.RunDueTimersAsync()), Task.Run(() => hostB.RunDueTimersAsync()));

        clock.SetTo(Start.AddDays(11));
        await BothHostsRunTimers();                                   // study opens everywhere
        await Task.WhenAll(Enumerable.Range(0, units).Select(u => Task.Run(() =>
            (u % 2 == 0 ? hostB : hostA).SendSignalAsync(new Signal("mobilization-held", $"unit-{u}") { IdempotencyKey = $"m-{u}" }))));
        await Task.WhenAll(Task.Run(() => hostA.ProcessInboxAsync()), Task.Run(() => hostB.ProcessInboxAsync()));
        clock.SetTo(Start.AddDays(90));
        await BothHostsRunTimers();                                   // criticism opens and closes: talks never held

        var store = new PostgresWorkflowStore(sourceA, schema);
        foreach (var id in ids)
        {
            var state = (await store.GetInstanceAsync(id))!;
            state.Status.ShouldBe(WorkflowStatus.Completed);
            var journal = await store.GetJournalAsync(id);
            journal.Count(e => e.Kind == JournalEventKind.TimerFired).ShouldBe(3, "study open, criticism open, criticism close; each once");
            journal.Count(e => e.Kind == JournalEventKind.BookmarkResumed).ShouldBe(1);
            journal.Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "study").Name.ShouldBe("completed");
            journal.Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "criticism").Name.ShouldBe("closed");
        }
        (await store.GetNextTimerDueAtAsync()).ShouldBeNull();
    }
}
