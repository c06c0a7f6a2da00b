using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Persistence.InMemory;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Signals;
using CampaignFlow.Workflows.Timing;

namespace CampaignFlow.Workflows.Tests;

/// <summary>A host dies between steps: nothing acknowledged is lost, nothing is done twice.</summary>
public sealed class CrashRecoveryTests
{
    private static readonly DateTimeOffset T0 = new(2014, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static (CrashingStore Store, InMemoryWorkflowStore Inner, ManualClock Clock, WorkflowDefinitionRegistry Definitions) Setup(Activity root)
    {
        var inner = new InMemoryWorkflowStore();
        return (new CrashingStore(inner), inner, new ManualClock(T0), new WorkflowDefinitionRegistry(new WorkflowDefinition("wf", 1, root)));
    }

    private static WorkflowRuntime Host(IWorkflowStore store, WorkflowDefinitionRegistry definitions, TimeProvider clock, string name) =>
        new(store, definitions, clock, new WorkflowRuntimeOptions { ClaimerId = name, TimerLease = TimeSpan.FromMinutes(1), InboxLease = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task A_signal_whose_delivery_crashed_is_applied_by_the_inbox_processor_exactly_once()
    {
        var (store, inner, clock, definitions) = Setup(Loop.While("l", new WaitForSignal("w", "tick"), _ => true));
        var host1 = Host(store, definitions, clock, "host-1");
        var id = (await host1.StartAsync("wf", "c1")).InstanceId;

        store.ResetCount();
        store.FailingCommits.Add(1);
        await Should.ThrowAsync<IOException>(() => host1.SendSignalAsync(new Signal("tick", "c1") { IdempotencyKey = "tick-1" }));
        (await inner.GetJournalAsync(id)).ShouldNotContain(e => e.Kind == JournalEventKind.SignalReceived);

        // The sender retries with the same key: the inbox already holds it, so it is not applied twice...
        (await host1.SendSignalAsync(new Signal("tick", "c1") { IdempotencyKey = "tick-1" })).Disposition.ShouldBe(SignalDisposition.Duplicate);
        // ...and a second host's inbox loop applies the stored signal.
        var host2 = Host(inner, definitions, clock, "host-2");
        (await host2.ProcessInboxAsync()).ShouldBe(1);
        (await host2.ProcessInboxAsync()).ShouldBe(0);

        (await inner.GetJournalAsync(id)).Count(e => e.Kind == JournalEventKind.SignalReceived).ShouldBe(1);
        (await inner.GetInstanceAsync(id))!.Executions.Single(e => e.ActivityId == "l").Counter.ShouldBe(2);
    }

    [Fact]
    public async Task A_fan_out_interrupted_half_way_is_finished_without_repeating_a_delivery()
    {
        var (store, inner, clock, definitions) = Setup(Loop.While("l", new WaitForSignal("w", "deadline-moved", "all"), _ => true));
        var host1 = Host(store, definitions, clock, "host-1");
        var ids = new[] { (await host1.StartAsync("wf", "u1")).InstanceId, (await host1.StartAsync("wf", "u2")).InstanceId, (await host1.StartAsync("wf", "u3")).InstanceId };

        store.ResetCount();
        store.FailingCommits.Add(2);
        await Should.ThrowAsync<IOException>(() => host1.SendSignalAsync(new Signal("deadline-moved", "all") { IdempotencyKey = "notice-5" }));

        var host2 = Host(inner, definitions, clock, "host-2");
        (await host2.ProcessInboxAsync()).ShouldBe(1);

        foreach (var id in ids)
        {
            (await inner.GetJournalAsync(id)).Count(e => e.Kind == JournalEventKind.SignalReceived).ShouldBe(1, $"instance {id}");
        }
    }

    [Fact]
    public async Task A_timer_whose_host_crashed_is_fired_once_by_another_host_after_the_lease()
    {
        var (store, inner, clock, definitions) = Setup(new Sequence("s", Delay.For("d", TimeSpan.FromDays(1)), new WaitForSignal("w", "next")));
        var host1 = Host(store, definitions, clock, "host-1");
        var id = (await host1.StartAsync("wf", "c1")).InstanceId;
        clock.Advance(TimeSpan.FromDays(2));

        store.ResetCount();
        store.FailingCommits.Add(1);
        await Should.ThrowAsync<IOException>(() => host1.RunDueTimersAsync());

        var host2 = Host(inner, definitions, clock, "host-2");
        (await host2.RunDueTimersAsync()).ShouldBe(0, "host-1's lease still holds the timer");
        clock.Advance(TimeSpan.FromMinutes(2));
        (await host2.RunDueTimersAsync()).ShouldBe(1);
        (await host2.RunDueTimersAsync()).ShouldBe(0);

        (await inner.GetJournalAsync(id)).Count(e => e.Kind == JournalEventKind.TimerFired).ShouldBe(1);
        (await inner.GetInstanceAsync(id))!.Bookmarks.ShouldHaveSingleItem().Name.ShouldBe("next");
    }

    [Fact]
    public async Task A_start_that_crashed_before_its_commit_leaves_nothing_behind_and_can_be_repeated()
    {
        var (store, inner, clock, definitions) = Setup(new WaitForSignal("w", "go"));
        var host = Host(store, definitions, clock, "host-1");
        store.ResetCount();
        store.FailingCommits.Add(1);

        await Should.ThrowAsync<IOException>(() => host.StartAsync("wf", "c1"));
        (await inner.FindInstanceIdAsync("wf", "c1")).ShouldBeNull();

        var started = await host.StartAsync("wf", "c1");
        started.Created.ShouldBeTrue();
        (await inner.FindInstancesByStatusAsync(WorkflowStatus.Running, 10)).ShouldBe([started.InstanceId]);
    }
}
