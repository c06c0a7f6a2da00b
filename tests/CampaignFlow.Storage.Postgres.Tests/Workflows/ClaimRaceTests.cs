using System.Collections.Concurrent;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Storage.Postgres.Workflows;
using CampaignFlow.Testing.Postgres;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Signals;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Tests.Workflows;

/// <summary>
/// Two store clients, each with its own connection pool as two host processes would have, claiming the
/// same due timers and inbox items on one schema.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClaimRaceTests(PrivatePostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2014, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Two_clients_racing_for_due_timers_and_inbox_items_handle_each_exactly_once()
    {
        const int count = 120;
        var schema = server.NewSchemaName();
        await using var sourceA = NpgsqlDataSource.Create(server.ConnectionString);
        await using var sourceB = NpgsqlDataSource.Create(server.ConnectionString);
        var a = await PostgresWorkflowStore.OpenAsync(sourceA, schema);
        var b = await PostgresWorkflowStore.OpenAsync(sourceB, schema);
        await SeedAsync(a, count);

        var claims = new ConcurrentBag<(string Kind, string Id, string Claimer)>();
        var handled = new ConcurrentBag<(string Kind, string Id, string Claimer)>();
        await Task.WhenAll(
            Task.Run(() => DrainAsync(a, "host-a", T0, claims, handled)),
            Task.Run(() => DrainAsync(b, "host-b", T0, claims, handled)));

        foreach (var kind in new[] { "timer", "inbox" })
        {
            var claimed = claims.Where(c => c.Kind == kind).ToList();
            claimed.Count.ShouldBe(count, $"every {kind} claimed once, none twice");
            claimed.Select(c => c.Id).Distinct().Count().ShouldBe(count);
            var done = handled.Where(h => h.Kind == kind).ToList();
            done.Count.ShouldBe(count, $"every {kind} handled once");
            done.Select(h => h.Id).Distinct().Count().ShouldBe(count);
        }
        // Both clients really raced: each got a share (SKIP LOCKED sends the second one past the first's rows).
        handled.Select(h => h.Claimer).Distinct().Count().ShouldBe(2);
        (await a.GetNextTimerDueAtAsync()).ShouldBeNull();
        (await b.ClaimInboxAsync(T0.AddDays(1), "host-b", Lease, 1000)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_crashed_claimers_timers_and_signals_are_taken_over_when_its_lease_runs_out()
    {
        const int count = 20;
        var schema = server.NewSchemaName();
        await using var sourceB = NpgsqlDataSource.Create(server.ConnectionString);
        var b = await PostgresWorkflowStore.OpenAsync(sourceB, schema);

        // Host A claims everything and dies without handling any of it: its pool is gone, its leases stay.
        var sourceA = NpgsqlDataSource.Create(server.ConnectionString);
        var a = new PostgresWorkflowStore(sourceA, schema);
        await SeedAsync(a, count);
        (await a.ClaimDueTimersAsync(T0, "host-a", Lease, 1000)).Count.ShouldBe(count);
        (await a.ClaimInboxAsync(T0, "host-a", Lease, 1000)).Count.ShouldBe(count);
        await sourceA.DisposeAsync();

        (await b.ClaimDueTimersAsync(T0.AddSeconds(59), "host-b", Lease, 1000)).ShouldBeEmpty();
        (await b.ClaimInboxAsync(T0.AddSeconds(59), "host-b", Lease, 1000)).ShouldBeEmpty();

        var claims = new ConcurrentBag<(string Kind, string Id, string Claimer)>();
        var handled = new ConcurrentBag<(string Kind, string Id, string Claimer)>();
        await DrainAsync(b, "host-b", T0 + Lease, claims, handled);

        handled.Count(h => h.Kind == "timer").ShouldBe(count);
        handled.Count(h => h.Kind == "inbox").ShouldBe(count);
        handled.ShouldAllBe(h => h.Claimer == "host-b");
        (await b.GetNextTimerDueAtAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task A_claimer_killed_mid_claim_leaves_nothing_locked()
    {
        var schema = server.NewSchemaName();
        await using var source = NpgsqlDataSource.Create(server.ConnectionString);
        var store = await PostgresWorkflowStore.OpenAsync(source, schema);
        await SeedAsync(store, 5);

        // A claimer's backend dies while it holds row locks inside an open transaction (the process crashed
        // between its SELECT … FOR UPDATE and its commit): the locks go with the backend and nothing was claimed.
        await using (var victim = await source.OpenConnectionAsync())
        {
            await using var transaction = await victim.BeginTransactionAsync();
            await using (var lockAll = new NpgsqlCommand($"SELECT 1 FROM \"{schema}\".workflow_timer FOR UPDATE", victim, transaction))
            {
                await lockAll.ExecuteNonQueryAsync();
            }

            (await store.ClaimDueTimersAsync(T0, "host-b", Lease, 100)).ShouldBeEmpty("the rows are locked, and SKIP LOCKED does not wait");

            await using var kill = source.CreateCommand("SELECT pg_terminate_backend($1)");
            kill.Parameters.Add(new NpgsqlParameter { Value = victim.ProcessID });
            await kill.ExecuteNonQueryAsync();
        }

        (await store.ClaimDueTimersAsync(T0, "host-b", Lease, 100)).Count.ShouldBe(5);
    }

    private static async Task SeedAsync(IWorkflowStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"i{i:D4}";
            var timer = new ScheduledTimer { Id = "t1", InstanceId = id, ExecutionId = 1, DueAt = T0.AddSeconds(-i), Tag = "close" };
            var state = new WorkflowInstanceState
            {
                InstanceId = id,
                DefinitionId = "def",
                DefinitionVersion = 1,
                CorrelationKey = id,
                Status = WorkflowStatus.Running,
                Version = 1,
                CreatedAt = T0,
                UpdatedAt = T0,
                Timers = [timer],
            };
            (await store.CommitAsync(new WorkflowCommit { Instance = state, ExpectedVersion = 0, TimersScheduled = [timer] })).Status.ShouldBe(CommitStatus.Committed);
            var item = new InboxItem
            {
                Id = $"m{i:D4}",
                IdempotencyKey = $"k{i:D4}",
                Signal = new Signal("held", id),
                ReceivedAt = T0.AddDays(-1),
                ExpiresAt = T0.AddDays(30),
                Status = InboxItemStatus.Pending,
            };
            (await store.EnqueueSignalAsync(item)).Accepted.ShouldBeTrue();
        }
    }

    // What a host's loop does: claim a few, handle them (fire the timer under the version check; settle the
    // signal), repeat until nothing is left to claim.
    private static async Task DrainAsync(IWorkflowStore store, string claimer, DateTimeOffset now,
        ConcurrentBag<(string, string, string)> claims, ConcurrentBag<(string, string, string)> handled)
    {
        while (true)
        {
            var timers = await store.ClaimDueTimersAsync(now, claimer, Lease, 7);
            var items = await store.ClaimInboxAsync(now, claimer, Lease, 7);
            if (timers.Count == 0 && items.Count == 0)
            {
                return;
            }

            foreach (var timer in timers)
            {
                claims.Add(("timer", timer.InstanceId, claimer));
                var state = (await store.GetInstanceAsync(timer.InstanceId))!;
                var expected = state.Version;
                state.Version++;
                state.Timers.Clear();
                var result = await store.CommitAsync(new WorkflowCommit { Instance = state, ExpectedVersion = expected, TimersRemoved = [timer] });
                if (result.Status == CommitStatus.Committed)
                {
                    handled.Add(("timer", timer.InstanceId, claimer));
                }
            }
            foreach (var item in items)
            {
                claims.Add(("inbox", item.Id, claimer));
                if (await store.CompleteInboxItemAsync(item.Id))
                {
                    handled.Add(("inbox", item.Id, claimer));
                }
            }
        }
    }
}
