using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Workflows.Tests;

public sealed class JournalTests
{
    [Fact]
    public async Task Every_transition_is_journalled_in_order_with_its_time_and_sender()
    {
        var h = new WorkflowHarness(new Sequence("s", new WaitForSignal("a", "approved", "doc-1"), Delay.For("d", TimeSpan.FromDays(2))));
        var t0 = WorkflowHarness.Start;
        var id = await h.StartAsync();
        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.SignalAsync("approved", "doc-1", outcome: "ok", key: "approval-1", sender: "reviewer-li");
        await h.AdvanceAsync(TimeSpan.FromDays(3));

        var journal = await h.JournalAsync(id);

        journal.Select(e => (e.Sequence, e.Kind, e.ActivityId)).ShouldBe(
        [
            (1, JournalEventKind.WorkflowStarted, null),
            (2, JournalEventKind.ActivityStarted, "s"),
            (3, JournalEventKind.ActivityStarted, "a"),
            (4, JournalEventKind.BookmarkCreated, "a"),
            (5, JournalEventKind.SignalReceived, null),
            (6, JournalEventKind.BookmarkResumed, "a"),
            (7, JournalEventKind.ActivityCompleted, "a"),
            (8, JournalEventKind.ActivityStarted, "d"),
            (9, JournalEventKind.TimerScheduled, "d"),
            (10, JournalEventKind.TimerFired, "d"),
            (11, JournalEventKind.ActivityCompleted, "d"),
            (12, JournalEventKind.ActivityCompleted, "s"),
            (13, JournalEventKind.WorkflowCompleted, null),
        ]);
        journal.ShouldAllBe(e => e.InstanceId == id);
        journal[0].At.ShouldBe(t0);
        journal[3].Name.ShouldBe("approved");
        journal[3].Correlation.ShouldBe("doc-1");
        journal[4].Sender.ShouldBe("reviewer-li");
        journal[4].Detail.ShouldBe("ok (approval-1)");
        journal[4].At.ShouldBe(t0.AddHours(5));
        journal[6].Name.ShouldBe("ok");
        journal[8].DueAt.ShouldBe(t0.AddHours(5).AddDays(2));
        journal[9].At.ShouldBe(t0.AddHours(5).AddDays(2));
        (await h.Store.GetJournalAsync(id, afterSequence: 11)).Select(e => e.Kind).ShouldBe([JournalEventKind.ActivityCompleted, JournalEventKind.WorkflowCompleted]);
    }
}
