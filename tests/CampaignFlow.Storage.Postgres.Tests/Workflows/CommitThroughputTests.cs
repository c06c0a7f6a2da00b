using System.Diagnostics;
using System.Globalization;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using Xunit.Abstractions;

namespace CampaignFlow.Storage.Postgres.Tests.Workflows;

/// <summary>
/// Commits per second on the private server (fsync on, defaults otherwise), printed and not asserted:
/// figures from a shared 2-core machine are for notes, not for gates. Each commit is a typical transition:
/// the state, three journal entries, one bookmark, one timer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CommitThroughputTests(PrivatePostgresServer server, ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = new(2014, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Bulk_commits_per_second_are_printed()
    {
        var store = server.CreateStore();
        const int sequential = 1000, parallelWorkers = 8, perWorker = 250;

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < sequential; i++)
        {
            (await store.CommitAsync(NewInstance($"s{i}"))).Status.ShouldBe(CommitStatus.Committed);
        }

        var sequentialRate = sequential / watch.Elapsed.TotalSeconds;

        watch.Restart();
        await Task.WhenAll(Enumerable.Range(0, parallelWorkers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                (await store.CommitAsync(NewInstance($"p{w}-{i}"))).Status.ShouldBe(CommitStatus.Committed);
            }
        })));
        var parallelRate = parallelWorkers * perWorker / watch.Elapsed.TotalSeconds;

        watch.Restart();
        for (var i = 0; i < sequential; i++)
        {
            var state = (await store.GetInstanceAsync($"s{i}"))!;
            var expected = state.Version;
            state.Version++;
            (await store.CommitAsync(new WorkflowCommit { Instance = state, ExpectedVersion = expected, Journal = [Entry($"s{i}", 4)] })).Status.ShouldBe(CommitStatus.Committed);
        }
        var updateRate = sequential / watch.Elapsed.TotalSeconds;

        var report = string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL commits/s — new instances, 1 writer: {sequentialRate:F0}; {parallelWorkers} writers: {parallelRate:F0}; load+update, 1 writer: {updateRate:F0} (server started in {server.StartupTime.TotalSeconds:F1} s)");
        output.WriteLine(report);
        Console.WriteLine(report);
    }

    private static WorkflowCommit NewInstance(string id)
    {
        var timer = new ScheduledTimer { Id = "t1", InstanceId = id, ExecutionId = 2, DueAt = T0.AddDays(30), Tag = "close" };
        var state = new WorkflowInstanceState
        {
            InstanceId = id,
            DefinitionId = "unit-plan",
            DefinitionVersion = 1,
            CorrelationKey = id,
            Status = WorkflowStatus.Running,
            Version = 1,
            CreatedAt = T0,
            UpdatedAt = T0,
            NextJournalSequence = 4,
            Timers = [timer],
            Executions = [new ActivityExecution { Id = 1, ActivityId = "campaign", StartedAt = T0 }, new ActivityExecution { Id = 2, ActivityId = "study", ParentId = 1, StartedAt = T0 }],
            Bookmarks = [new Bookmark { Name = "mobilization-held", Correlation = id, ExecutionId = 2, ActivityId = "study", CreatedAt = T0 }],
        };
        return new WorkflowCommit
        {
            Instance = state,
            ExpectedVersion = 0,
            Journal = [Entry(id, 1), Entry(id, 2), Entry(id, 3)],
            BookmarksAdded = [new BookmarkKey("mobilization-held", id)],
            TimersScheduled = [timer],
        };
    }

    private static JournalEntry Entry(string id, long sequence) =>
        new() { InstanceId = id, Sequence = sequence, At = T0, Kind = JournalEventKind.ActivityStarted, ActivityId = "study", ExecutionId = 2 };
}
