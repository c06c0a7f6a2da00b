using System.Globalization;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;

/// <summary>
/// Child mode: claims every due timer and pending inbox item at <see cref="Samples.T0"/> with a
/// <see cref="Lease"/>-long lease, prints <c>claimed TIMERS ITEMS</c>, then hangs until the parent kills it.
/// </summary>
internal static class ClaimHolder
{
    public const string Mode = "hold-claims";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string databasePath, string claimerId)
    {
        using var store = SqliteWorkflowStore.Open(databasePath);
        var timers = await store.ClaimDueTimersAsync(Samples.T0, claimerId, Lease, 1000);
        var items = await store.ClaimInboxAsync(Samples.T0, claimerId, Lease, 1000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claimed {timers.Count} {items.Count}"));
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
