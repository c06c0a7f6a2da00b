using System.Collections.Concurrent;
using System.Globalization;
using CampaignFlow.Storage.Sqlite.Tests.ChildProcesses;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using Xunit.Abstractions;

namespace CampaignFlow.Storage.Sqlite.Tests;

/// <summary>Several store clients on one file claiming the same due work: each item is handled exactly once, and dead claimers' leases run out.</summary>
public sealed class ClaimRaceTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan LongLease = TimeSpan.FromHours(1);
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task Two_clients_racing_for_due_timers_and_inbox_items_handle_each_exactly_once()
    {
        const int count = 200;
        using (var seed = SqliteWorkflowStore.Open(_database.Path))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Id(i);
                (await seed.CommitAsync(Samples.NewInstanceWithTimer(id, Samples.T0.AddSeconds(-i)))).Status.ShouldBe(CommitStatus.Committed);
                (await seed.EnqueueSignalAsync(Samples.Item("signal-" + id))).Accepted.ShouldBeTrue();
            }
        }

        var timersHandledBy = new ConcurrentDictionary<string, string>();
        var itemsHandledBy = new ConcurrentDictionary<string, string>();
        var duplicates = new ConcurrentBag<string>();
        using var clientA = SqliteWorkflowStore.Open(_database.Path);
        using var clientB = SqliteWorkflowStore.Open(_database.Path);

        async Task WorkAsync(IWorkflowStore store, string name)
        {
            while (true)
            {
                // Small batches, so the two clients interleave many times.
                var timers = await store.ClaimDueTimersAsync(Samples.T0, name, LongLease, 5);
                foreach (var timer in timers)
                {
                    if (!timersHandledBy.TryAdd(timer.InstanceId, name))
                    {
                        duplicates.Add($"timer {timer.InstanceId} claimed by {name} after {timersHandledBy[timer.InstanceId]}");
                    }

                    (await Samples.FireAsync(store, timer, name)).ShouldBe(CommitStatus.Committed);
                }
                var items = await store.ClaimInboxAsync(Samples.T0, name, LongLease, 5);
                foreach (var item in items)
                {
                    if (!itemsHandledBy.TryAdd(item.Id, name))
                    {
                        duplicates.Add($"item {item.Id} claimed by {name} after {itemsHandledBy[item.Id]}");
                    }

                    (await store.CompleteInboxItemAsync(item.Id)).ShouldBeTrue(item.Id);
                }
                if (timers.Count == 0 && items.Count == 0)
                {
                    return;
                }
                // As in RaceWorker: leave the write lock free between rounds, as a host doing other work does.
                await Task.Delay(TimeSpan.FromMilliseconds(5));
            }
        }

        await Task.WhenAll(Task.Run(() => WorkAsync(clientA, "client-a")), Task.Run(() => WorkAsync(clientB, "client-b")));

        duplicates.ShouldBeEmpty();
        timersHandledBy.Count.ShouldBe(count);
        itemsHandledBy.Count.ShouldBe(count);
        output.WriteLine($"timers: a {timersHandledBy.Values.Count(v => v == "client-a")}, b {timersHandledBy.Values.Count(v => v == "client-b")}; " +
                         $"inbox: a {itemsHandledBy.Values.Count(v => v == "client-a")}, b {itemsHandledBy.Values.Count(v => v == "client-b")}");
        for (var i = 0; i < count; i++)
        {
            (await clientA.GetJournalAsync(Id(i))).Count(e => e.Kind == JournalEventKind.TimerFired).ShouldBe(1);
            (await clientB.GetInboxItemAsync("signal-" + Id(i) + "-item"))!.Status.ShouldBe(InboxItemStatus.Completed);
        }
        (await clientA.GetNextTimerDueAtAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Two_processes_racing_for_due_timers_and_inbox_items_handle_each_exactly_once()
    {
        const int count = 200;
        using (var seed = SqliteWorkflowStore.Open(_database.Path))
        {
            for (var i = 0; i < count; i++)
            {
                await seed.CommitAsync(Samples.NewInstanceWithTimer(Id(i), Samples.T0.AddSeconds(-i)));
                await seed.EnqueueSignalAsync(Samples.Item("signal-" + Id(i)));
            }
        }

        using var a = ChildProcess.Start(RaceWorker.Mode, _database.Path, "process-a");
        using var b = ChildProcess.Start(RaceWorker.Mode, _database.Path, "process-b");
        a.ReadLine(TimeSpan.FromSeconds(60)).ShouldBe("ready", a.Errors);
        b.ReadLine(TimeSpan.FromSeconds(60)).ShouldBe("ready", b.Errors);
        a.Send("go");
        b.Send("go");
        a.WaitForExit(TimeSpan.FromSeconds(120)).ShouldBe(0, a.Errors);
        b.WaitForExit(TimeSpan.FromSeconds(120)).ShouldBe(0, b.Errors);
        var linesA = a.DrainLines();
        var linesB = b.DrainLines();
        linesA[^1].ShouldBe("done");
        linesB[^1].ShouldBe("done");

        var handled = linesA.Concat(linesB).Where(l => l != "done").ToList();
        handled.Count(l => l.StartsWith("timer ", StringComparison.Ordinal)).ShouldBe(count);
        handled.Count(l => l.StartsWith("item ", StringComparison.Ordinal)).ShouldBe(count);
        handled.Distinct().Count().ShouldBe(handled.Count, "no timer or item was handled by both processes");
        output.WriteLine($"process a handled {linesA.Count - 1}, process b {linesB.Count - 1}");

        using var check = SqliteWorkflowStore.Open(_database.Path);
        for (var i = 0; i < count; i++)
        {
            (await check.GetJournalAsync(Id(i))).Count(e => e.Kind == JournalEventKind.TimerFired).ShouldBe(1);
        }

        (await check.GetNextTimerDueAtAsync()).ShouldBeNull();
        (await check.ClaimInboxAsync(Samples.T0.AddDays(1), "checker", LongLease, 1000)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_claimer_killed_while_holding_leases_has_its_work_taken_over_when_they_run_out()
    {
        const int count = 20;
        using var survivor = SqliteWorkflowStore.Open(_database.Path);
        for (var i = 0; i < count; i++)
        {
            await survivor.CommitAsync(Samples.NewInstanceWithTimer(Id(i), Samples.T0));
            await survivor.EnqueueSignalAsync(Samples.Item("signal-" + Id(i)));
        }

        using (var holder = ChildProcess.Start(ClaimHolder.Mode, _database.Path, "doomed-host"))
        {
            holder.ReadLine(TimeSpan.FromSeconds(60)).ShouldBe($"claimed {count} {count}", holder.Errors);
            holder.Kill();
        }

        // The dead host's leases still stand: nobody may take its work yet.
        var early = Samples.T0 + ClaimHolder.Lease - TimeSpan.FromSeconds(1);
        (await survivor.ClaimDueTimersAsync(early, "survivor", LongLease, 100)).ShouldBeEmpty();
        (await survivor.ClaimInboxAsync(early, "survivor", LongLease, 100)).ShouldBeEmpty();

        var afterLease = Samples.T0 + ClaimHolder.Lease;
        var timers = await survivor.ClaimDueTimersAsync(afterLease, "survivor", LongLease, 100);
        var items = await survivor.ClaimInboxAsync(afterLease, "survivor", LongLease, 100);
        timers.Select(t => t.InstanceId).Order().ShouldBe(Enumerable.Range(0, count).Select(Id).Order());
        items.Count.ShouldBe(count);
        foreach (var timer in timers)
        {
            (await Samples.FireAsync(survivor, timer, "survivor")).ShouldBe(CommitStatus.Committed);
        }

        foreach (var item in items)
        {
            (await survivor.CompleteInboxItemAsync(item.Id)).ShouldBeTrue();
        }

        (await survivor.ClaimDueTimersAsync(afterLease.AddDays(1), "anyone", LongLease, 100)).ShouldBeEmpty();
        (await survivor.ClaimInboxAsync(afterLease.AddDays(1), "anyone", LongLease, 100)).ShouldBeEmpty();
    }

    private static string Id(int i) => "i" + i.ToString("D3", CultureInfo.InvariantCulture);

    public void Dispose() => _database.Dispose();
}
