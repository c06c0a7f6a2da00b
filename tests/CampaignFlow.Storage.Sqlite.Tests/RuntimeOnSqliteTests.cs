using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Conformance.Samples;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Persistence.InMemory;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Signals;
using CampaignFlow.Workflows.Timing;

namespace CampaignFlow.Storage.Sqlite.Tests;

/// <summary>
/// The workflow runtime end to end on SQLite: a three-window campaign runs February to October on a manual
/// clock, the store is closed and reopened (a new host) half-way, and the journals come out exactly as on the
/// in-memory reference store.
/// </summary>
public sealed class RuntimeOnSqliteTests : IDisposable
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] Units = ["panyu-ftu", "mianyang-ftu", "weidu-district"];
    private readonly TemporaryDatabase _database = new();

    private static DateTimeOffset Day(int month, int day) => new(2014, month, day, 0, 0, 0, China);

    private static WorkflowDefinition Campaign() => new("campaign", 1, ThreePhaseCampaign.Root());

    private static Dictionary<DateTimeOffset, List<Signal>> Events()
    {
        var events = new Dictionary<DateTimeOffset, List<Signal>>();
        void On(DateTimeOffset day, Signal signal)
        {
            if (!events.TryGetValue(day, out var list))
            {
                events.Add(day, list = []);
            }

            list.Add(signal);
        }
        foreach (var unit in Units)
        {
            On(Day(2, 18), new("mobilization-held", unit) { Sender = "recorder", IdempotencyKey = unit + "/mobilization" });   // early: parked in the inbox
            On(Day(3, 5), new("opinions-collected", unit) { Sender = "recorder", IdempotencyKey = unit + "/opinions" });
            On(Day(4, 2), new("approved", unit + "/criticism-plan") { Sender = "supervision-group", Outcome = "approved", IdempotencyKey = unit + "/approval" });
            On(Day(4, 20), new("opinions-reviewed", unit) { Sender = "leadership", IdempotencyKey = unit + "/review" });
            On(Day(5, 20), new("talks-held", unit) { Sender = "recorder", IdempotencyKey = unit + "/talks" });
            On(Day(6, 10), new("meeting-held", unit) { Sender = "recorder", IdempotencyKey = unit + "/meeting-1" });
            On(Day(6, 12), new("meeting-evaluated", unit) { Sender = "rules", Outcome = "repeat", IdempotencyKey = unit + "/evaluation-1" });
            On(Day(7, 8), new("meeting-held", unit) { Sender = "recorder", IdempotencyKey = unit + "/meeting-2" });
            On(Day(7, 10), new("meeting-evaluated", unit) { Sender = "rules", Outcome = "satisfied", IdempotencyKey = unit + "/evaluation-2" });
            On(Day(8, 25), new("rectification-planned", unit) { Sender = "recorder", IdempotencyKey = unit + "/rectification" });
        }
        // A sender retrying after a timeout: the inbox's idempotency key keeps it from being applied twice.
        On(Day(6, 11), new("meeting-held", Units[0]) { Sender = "recorder", IdempotencyKey = Units[0] + "/meeting-1" });
        return events;
    }

    /// <summary>Runs the campaign day by day; <paramref name="reopenAt"/> swaps in a new store and runtime (a restarted host).</summary>
    private static async Task<Dictionary<string, IReadOnlyList<JournalEntry>>> RunAsync(Func<IWorkflowStore> openStore, DateTimeOffset? reopenAt)
    {
        var clock = new ManualClock(Day(2, 1));
        var definitions = new WorkflowDefinitionRegistry(Campaign());
        var store = openStore();
        var host = 1;
        WorkflowRuntime NewRuntime() => new(store, definitions, clock, new WorkflowRuntimeOptions { ClaimerId = $"host-{host}" });
        var runtime = NewRuntime();
        try
        {
            var ids = new Dictionary<string, string>();
            foreach (var unit in Units)
            {
                ids[unit] = (await runtime.StartAsync("campaign", unit)).InstanceId;
            }

            var events = Events();
            for (var day = Day(2, 1); day <= Day(10, 2); day = day.AddDays(1))
            {
                if (day == reopenAt)
                {
                    (store as IDisposable)?.Dispose();
                    store = openStore();
                    host++;
                    runtime = NewRuntime();
                }
                clock.SetTo(day);
                await runtime.RunDueTimersAsync();
                if (events.TryGetValue(day, out var signals))
                {
                    foreach (var signal in signals)
                    {
                        await runtime.SendSignalAsync(signal);
                    }
                }
                await runtime.ProcessInboxAsync();
            }

            var journals = new Dictionary<string, IReadOnlyList<JournalEntry>>();
            foreach (var (unit, id) in ids)
            {
                (await runtime.GetInstanceAsync(id))!.Status.ShouldBe(WorkflowStatus.Completed, unit);
                journals[unit] = await runtime.GetJournalAsync(id);
            }
            return journals;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task A_campaign_survives_reopening_the_store_half_way_and_journals_as_in_memory()
    {
        var reference = await RunAsync(() => new InMemoryWorkflowStore(), reopenAt: null);
        var onSqlite = await RunAsync(() => SqliteWorkflowStore.Open(_database.Path), reopenAt: Day(6, 1));

        foreach (var unit in Units)
        {
            // Every field but the (random) instance id, in order: same transitions, same logical times, same senders.
            onSqlite[unit].Select(e => e.ToString()).ShouldBe(reference[unit].Select(e => e.ToString()), unit);
            onSqlite[unit].Count(e => e.Kind == JournalEventKind.SignalReceived && e.Name == "meeting-held").ShouldBe(2, "the retried signal is applied once");
        }

        // And the reopened file still answers like the runtime left it.
        using var store = SqliteWorkflowStore.Open(_database.Path);
        (await store.FindInstancesByStatusAsync(WorkflowStatus.Completed, 10)).Count.ShouldBe(Units.Length);
        (await store.GetNextTimerDueAtAsync()).ShouldBeNull();
        var firstUnit = (await store.FindInstanceIdAsync("campaign", Units[0]))!;
        var journal = await store.GetJournalAsync(firstUnit);
        journal.Single(e => e.Kind == JournalEventKind.SignalReceived && e.Name == "approved").At.ShouldBe(Day(4, 20));
        journal.Single(e => e.Kind == JournalEventKind.Note && e.ActivityId == "rectification" && e.Detail!.StartsWith("window closed", StringComparison.Ordinal)).At.ShouldBe(Day(10, 1));
    }

    [Fact]
    public async Task Two_hosts_on_one_file_fire_each_due_timer_once_and_deliver_each_signal_once()
    {
        const int units = 30;
        var clock = new ManualClock(Day(2, 1));
        var definitions = new WorkflowDefinitionRegistry(new WorkflowDefinition("reminder", 1,
            new Sequence("s", Delay.For("wait", TimeSpan.FromDays(1)), new WaitForSignal("ack", "acknowledged", "{correlation}"))));
        using var storeA = SqliteWorkflowStore.Open(_database.Path);
        using var storeB = SqliteWorkflowStore.Open(_database.Path);
        var hostA = new WorkflowRuntime(storeA, definitions, clock, new WorkflowRuntimeOptions { ClaimerId = "host-a", BatchSize = 4 });
        var hostB = new WorkflowRuntime(storeB, definitions, clock, new WorkflowRuntimeOptions { ClaimerId = "host-b", BatchSize = 4 });
        var ids = new List<string>();
        for (var i = 0; i < units; i++)
        {
            ids.Add((await (i % 2 == 0 ? hostA : hostB).StartAsync("reminder", $"unit-{i}")).InstanceId);
        }
        // Acknowledgements arrive before their bookmarks exist: parked in the shared inbox.
        for (var i = 0; i < units; i++)
        {
            await hostA.SendSignalAsync(new Signal("acknowledged", $"unit-{i}") { IdempotencyKey = $"ack-{i}" });
        }

        clock.Advance(TimeSpan.FromDays(2));
        var fired = await Task.WhenAll(Task.Run(() => hostA.RunDueTimersAsync()), Task.Run(() => hostB.RunDueTimersAsync()));
        await Task.WhenAll(Task.Run(() => hostA.ProcessInboxAsync()), Task.Run(() => hostB.ProcessInboxAsync()));

        fired.Sum().ShouldBe(units);
        foreach (var id in ids)
        {
            var journal = await storeB.GetJournalAsync(id);
            journal.Count(e => e.Kind == JournalEventKind.TimerFired).ShouldBe(1, id);
            journal.Count(e => e.Kind == JournalEventKind.SignalReceived).ShouldBe(1, id);
            (await storeA.GetInstanceAsync(id))!.Status.ShouldBe(WorkflowStatus.Completed, id);
        }
    }

    public void Dispose() => _database.Dispose();
}
