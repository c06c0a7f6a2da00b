using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Tests;

/// <summary>The inbox: early signals, duplicates, expiry, concurrency.</summary>
public sealed class SignalDeliveryTests
{
    [Fact]
    public async Task A_signal_before_its_bookmark_waits_and_is_applied_when_the_bookmark_appears()
    {
        var opens = WorkflowHarness.Start.AddDays(25);
        var h = new WorkflowHarness(new Window("phase", opens, opens.AddMonths(1), new WaitForSignal("gate", "plan-approved")));
        var id = await h.StartAsync("u1");

        var early = await h.SignalAsync("plan-approved", "u1", key: "approval-17", sender: "supervision-group");
        early.Disposition.ShouldBe(SignalDisposition.Parked);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Running);

        await h.AdvanceToAsync(opens);

        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        (await h.Store.GetInboxItemAsync(early.InboxItemId))!.Status.ShouldBe(InboxItemStatus.Completed);
        var received = (await h.JournalAsync(id)).Single(e => e.Kind == JournalEventKind.SignalReceived);
        received.Sender.ShouldBe("supervision-group");
        received.Detail.ShouldBe("approval-17");
        received.At.ShouldBe(opens);
    }

    [Fact]
    public async Task The_inbox_processor_applies_a_parked_signal_that_raced_its_bookmark()
    {
        var h = new WorkflowHarness(new WaitForSignal("gate", "ok"));
        // Enqueued straight into the store, as if the sender crashed before delivering: only the inbox knows.
        var item = new InboxItem
        {
            Id = "raced",
            IdempotencyKey = "raced",
            Signal = new Signal("ok", "c1"),
            ReceivedAt = WorkflowHarness.Start,
            ExpiresAt = WorkflowHarness.Start.AddDays(1),
        };
        var id = await h.StartAsync();
        (await h.Store.EnqueueSignalAsync(item)).Accepted.ShouldBeTrue();

        (await h.Runtime.ProcessInboxAsync()).ShouldBe(1);

        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        (await h.Store.GetInboxItemAsync("raced"))!.Status.ShouldBe(InboxItemStatus.Completed);
    }

    [Fact]
    public async Task A_parked_signal_expires_after_the_retention()
    {
        var h = new WorkflowHarness(new Sequence("s", Delay.For("wait", TimeSpan.FromDays(40)), new WaitForSignal("gate", "ok")));
        var id = await h.StartAsync();
        var early = await h.SignalAsync("ok");

        h.Clock.Advance(TimeSpan.FromDays(31));
        await h.Runtime.ProcessInboxAsync();
        (await h.Store.GetInboxItemAsync(early.InboxItemId))!.Status.ShouldBe(InboxItemStatus.Expired);

        await h.AdvanceAsync(TimeSpan.FromDays(9));
        (await h.BookmarksAsync(id)).ShouldBe(["ok"], "an expired signal is not applied");
    }

    [Fact]
    public async Task A_duplicate_signal_is_applied_once()
    {
        var h = new WorkflowHarness(Loop.While("count", new WaitForSignal("tick", "tick"), _ => true));
        var id = await h.StartAsync();

        var first = await h.SignalAsync("tick", key: "tick-1");
        var again = await h.SignalAsync("tick", key: "tick-1");
        var other = await h.SignalAsync("tick", key: "tick-2");

        first.Disposition.ShouldBe(SignalDisposition.Delivered);
        again.Disposition.ShouldBe(SignalDisposition.Duplicate);
        again.InboxItemId.ShouldBe(first.InboxItemId);
        other.Disposition.ShouldBe(SignalDisposition.Delivered);
        (await h.StateAsync(id)).Executions.Single(e => e.ActivityId == "count").Counter.ShouldBe(3);
        (await h.JournalAsync(id)).Count(e => e.Kind == JournalEventKind.SignalReceived).ShouldBe(2);
    }

    [Fact]
    public async Task A_duplicate_of_a_parked_signal_is_not_parked_twice()
    {
        var h = new WorkflowHarness(new Sequence("s", new WaitForSignal("a", "a"), Loop.While("l", new WaitForSignal("b", "b"), _ => true)));
        var id = await h.StartAsync();
        await h.SignalAsync("b", key: "b-1");
        (await h.SignalAsync("b", key: "b-1")).Disposition.ShouldBe(SignalDisposition.Duplicate);

        await h.SignalAsync("a");

        (await h.JournalAsync(id)).Count(e => e.Kind == JournalEventKind.BookmarkResumed && e.Name == "b").ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_signals_to_one_instance_are_all_applied()
    {
        const int branches = 40;
        var h = new WorkflowHarness(new Fork("all",
            Enumerable.Range(0, branches).Select(i => (Activity)new RunTask($"task-{i}", $"done-{i}")).ToArray()));
        var id = await h.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, branches).Select(i =>
            Task.Run(() => h.SignalAsync($"done-{i}", sender: $"recorder-{i}"))));

        results.ShouldAllBe(r => r.Disposition == SignalDisposition.Delivered);
        var state = await h.StateAsync(id);
        state.Status.ShouldBe(WorkflowStatus.Completed);
        var journal = await h.JournalAsync(id);
        journal.Count(e => e.Kind == JournalEventKind.SignalReceived).ShouldBe(branches);
        journal.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, journal.Count).Select(i => (long)i), "the journal has no gaps or duplicates");
    }

    [Fact]
    public async Task Two_concurrent_signals_on_two_runtimes_both_apply_in_order()
    {
        var h = new WorkflowHarness(new Fork("gates", new WaitForSignal("a", "approved-a"), new WaitForSignal("b", "approved-b")));
        var other = h.NewRuntime("host-2");
        for (var round = 0; round < 20; round++)
        {
            var id = await h.StartAsync($"u{round}");
            await Task.WhenAll(
                Task.Run(() => h.Runtime.SendSignalAsync(new Signal("approved-a", $"u{round}"))),
                Task.Run(() => other.SendSignalAsync(new Signal("approved-b", $"u{round}"))));

            var state = await h.StateAsync(id);
            state.Status.ShouldBe(WorkflowStatus.Completed);
            var received = (await h.JournalAsync(id)).Where(e => e.Kind == JournalEventKind.SignalReceived).ToList();
            received.Select(e => e.Name).OrderBy(n => n).ShouldBe(["approved-a", "approved-b"]);
            received[0].Sequence.ShouldBeLessThan(received[1].Sequence);
        }
    }
}
