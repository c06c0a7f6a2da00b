using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;

/// <summary>
/// Child mode: opens the store, prints <c>ready</c>, waits for <c>go</c> on stdin (so racing processes start
/// together), then claims due timers and inbox items in small batches and handles them, printing
/// <c>timer ID</c> and <c>item ID</c> per handled one, until nothing is left; then <c>done</c>.
/// </summary>
internal static class RaceWorker
{
    public const string Mode = "race-worker";

    public static async Task<int> RunAsync(string databasePath, string claimerId)
    {
        using var store = SqliteWorkflowStore.Open(databasePath);
        Console.WriteLine("ready");
        if (await Console.In.ReadLineAsync() != "go")
        {
            return 2;
        }

        var lease = TimeSpan.FromHours(1);
        while (true)
        {
            var timers = await store.ClaimDueTimersAsync(Samples.T0, claimerId, lease, 5);
            foreach (var timer in timers)
            {
                if (await Samples.FireAsync(store, timer, claimerId) != CommitStatus.Committed)
                {
                    return 6;
                }

                Console.WriteLine("timer " + timer.InstanceId);
            }
            var items = await store.ClaimInboxAsync(Samples.T0, claimerId, lease, 5);
            foreach (var item in items)
            {
                if (!await store.CompleteInboxItemAsync(item.Id))
                {
                    return 7;
                }

                Console.WriteLine("item " + item.Id);
            }
            if (timers.Count == 0 && items.Count == 0)
            {
                break;
            }
            // A host does other work between rounds; without a gap one process can hold SQLite's write lock
            // round after round while the other's busy handler sleeps, and the race would not be one.
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
        Console.WriteLine("done");
        return 0;
    }
}
