using System.Diagnostics;
using System.Globalization;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Storage.Sqlite.Tests.Benchmarks;

/// <summary>
/// <c>dotnet exec CampaignFlow.Storage.Sqlite.Tests.dll bench [COMMITS]</c>: commits per second and journal
/// entries per second into a fresh file, per durability mode, with one writer and with four concurrent
/// writers (one client each), and with large commits (100 journal entries per transaction). Prints; asserts nothing.
/// </summary>
internal static class BulkInsertBenchmark
{
    public const string Mode = "bench";

    public static async Task<int> RunAsync(int commits)
    {
        Console.WriteLine($"SQLite workflow store, {commits} commits per run (each: a new instance + its journal entries + 1 timer + 1 bookmark)");
        foreach (var durability in new[] { SqliteDurability.Full, SqliteDurability.Normal })
        {
            await RunAsync(durability, commits, writers: 1, entriesPerCommit: 5);
            await RunAsync(durability, commits, writers: 4, entriesPerCommit: 5);
            await RunAsync(durability, commits / 10, writers: 1, entriesPerCommit: 100);
        }
        return 0;
    }

    private static async Task RunAsync(SqliteDurability durability, int commits, int writers, int entriesPerCommit)
    {
        using var database = new TemporaryDatabase();
        var options = new SqliteWorkflowStoreOptions { Durability = durability };
        var stores = Enumerable.Range(0, writers).Select(_ => SqliteWorkflowStore.Open(database.Path, options)).ToList();
        try
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(stores.Select((store, w) => Task.Run(async () =>
            {
                for (var i = w; i < commits; i += writers)
                {
                    var id = "i" + i.ToString(CultureInfo.InvariantCulture);
                    var state = Samples.State(id, id);
                    var timer = Samples.Timer(id, "t1", Samples.T0.AddDays(1));
                    state.Timers.Add(timer);
                    var journal = new JournalEntry[entriesPerCommit];
                    for (var e = 0; e < journal.Length; e++)
                    {
                        journal[e] = Samples.Entry(id, e + 1, JournalEventKind.ActivityStarted);
                    }

                    var result = await store.CommitAsync(new WorkflowCommit
                    {
                        Instance = state,
                        ExpectedVersion = 0,
                        Journal = journal,
                        TimersScheduled = [timer],
                        BookmarksAdded = [new BookmarkKey("approved", id)],
                    });
                    if (result.Status != CommitStatus.Committed)
                    {
                        throw new InvalidOperationException($"commit {id}: {result.Status}");
                    }
                }
            })));
            watch.Stop();
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  synchronous={durability,-6} writers={writers} entries/commit={entriesPerCommit,3}: {commits} commits in {seconds:F2} s = {commits / seconds,8:F0} commits/s, {commits * entriesPerCommit / seconds,9:F0} journal entries/s"));
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }
}
