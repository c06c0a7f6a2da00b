using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Tests;

/// <summary>Each built-in activity on its own, as the root of a definition.</summary>
public sealed class SingleActivityTests
{
    [Fact]
    public async Task WaitForSignal_blocks_until_its_signal_and_completes_with_the_outcome()
    {
        var h = new WorkflowHarness(new WaitForSignal("gate", "approved", "doc-1/{correlation}"));
        var id = await h.StartAsync("unit-7");

        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Running);
        var bookmark = (await h.StateAsync(id)).Bookmarks.ShouldHaveSingleItem();
        bookmark.Key.ShouldBe(new BookmarkKey("approved", "doc-1/unit-7"));

        (await h.SignalAsync("approved", "doc-1/unit-8")).Disposition.ShouldBe(SignalDisposition.Parked);
        (await h.SignalAsync("rejected", "doc-1/unit-7")).Disposition.ShouldBe(SignalDisposition.Parked);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Running);

        var result = await h.SignalAsync("approved", "doc-1/unit-7", outcome: "approved", sender: "supervisor");
        result.Disposition.ShouldBe(SignalDisposition.Delivered);
        result.InstancesResumed.ShouldBe(1);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        (await h.JournalAsync(id)).Last().Name.ShouldBe("approved");
    }

    [Fact]
    public async Task RunTask_opens_a_task_bookmark_that_a_signal_completes()
    {
        var h = new WorkflowHarness(new RunTask("write-report", "report-written"));
        var id = await h.StartAsync("u1");

        (await h.StateAsync(id)).Bookmarks.ShouldHaveSingleItem().Kind.ShouldBe(BookmarkKind.Task);
        await h.SignalAsync("report-written", "u1");
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Sequence_runs_steps_in_order()
    {
        var h = new WorkflowHarness(new Sequence("seq", new WaitForSignal("a", "a"), new WaitForSignal("b", "b"), new WaitForSignal("c", "c")));
        var id = await h.StartAsync();

        (await h.BookmarksAsync(id)).ShouldBe(["a"]);
        (await h.SignalAsync("b")).Disposition.ShouldBe(SignalDisposition.Parked, "b's bookmark does not exist yet");
        await h.SignalAsync("a");
        // The parked b is applied the moment b's bookmark appears, in a's commit.
        (await h.BookmarksAsync(id)).ShouldBe(["c"]);
        await h.SignalAsync("c");

        (await h.CompletedAsync(id)).ShouldBe(["a", "b", "c", "seq"]);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task An_empty_sequence_or_parallel_completes_at_once()
    {
        var h = new WorkflowHarness(new Sequence("s"), new Fork("p"));
        (await h.StatusAsync(await h.StartAsync())).ShouldBe(WorkflowStatus.Completed);
        (await h.StatusAsync(await h.StartAsync(definition: "wf1"))).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Fork_joins_all_branches_whatever_their_order()
    {
        var h = new WorkflowHarness(new Fork("par", new WaitForSignal("a", "a"), new WaitForSignal("b", "b"), new WaitForSignal("c", "c")));
        var id = await h.StartAsync();
        (await h.BookmarksAsync(id)).ShouldBe(["a", "b", "c"]);

        await h.SignalAsync("c");
        await h.SignalAsync("a");
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Running);
        await h.SignalAsync("b");

        (await h.CompletedAsync(id)).ShouldBe(["c", "a", "b", "par"]);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Fork_join_any_cancels_the_other_branches()
    {
        var h = new WorkflowHarness(new Fork("race", new WaitForSignal("a", "a"), new WaitForSignal("b", "b")) { Join = JoinMode.Any });
        var id = await h.StartAsync();

        await h.SignalAsync("b", outcome: "first");

        var journal = await h.JournalAsync(id);
        journal.ShouldContain(e => e.Kind == JournalEventKind.ActivityCancelled && e.ActivityId == "a");
        journal.Last(e => e.Kind == JournalEventKind.ActivityCompleted).ActivityId.ShouldBe("race");
        (await h.StateAsync(id)).Bookmarks.ShouldBeEmpty();
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Delay_until_an_instant_fires_then()
    {
        var at = WorkflowHarness.Start.AddDays(10);
        var h = new WorkflowHarness(Delay.Until("deadline", at));
        var id = await h.StartAsync();

        (await h.AdvanceAsync(TimeSpan.FromDays(9))).ShouldBe(0);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Running);
        (await h.AdvanceAsync(TimeSpan.FromDays(1))).ShouldBe(1);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Delay_for_a_duration_counts_from_its_start()
    {
        var h = new WorkflowHarness(new Sequence("s", new WaitForSignal("go", "go"), Delay.For("wait", TimeSpan.FromDays(3))));
        var id = await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromDays(5));
        await h.SignalAsync("go");

        (await h.StateAsync(id)).Timers.ShouldHaveSingleItem().DueAt.ShouldBe(WorkflowHarness.Start.AddDays(8));
        (await h.AdvanceAsync(TimeSpan.FromDays(2))).ShouldBe(0);
        (await h.AdvanceAsync(TimeSpan.FromDays(1))).ShouldBe(1);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Window_waits_for_its_opening_and_completes_when_its_body_does()
    {
        var opens = WorkflowHarness.Start.AddDays(14);
        var h = new WorkflowHarness(new Window("phase", opens, opens.AddDays(60), new WaitForSignal("work", "done")));
        var id = await h.StartAsync();

        (await h.StateAsync(id)).Bookmarks.ShouldBeEmpty();
        await h.AdvanceToAsync(opens);
        (await h.BookmarksAsync(id)).ShouldBe(["done"]);
        await h.SignalAsync("done");

        var state = await h.StateAsync(id);
        state.Status.ShouldBe(WorkflowStatus.Completed);
        state.Timers.ShouldBeEmpty("the close timer goes with the window");
        (await h.JournalAsync(id)).Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "phase").Name.ShouldBe("completed");
        (await h.Store.GetNextTimerDueAtAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Window_close_cancels_open_work_by_default()
    {
        var opens = WorkflowHarness.Start;
        var h = new WorkflowHarness(new Window("phase", opens, opens.AddDays(30),
            new Fork("work", new RunTask("a", "a"), new RunTask("b", "b"))));
        var id = await h.StartAsync();
        await h.SignalAsync("a");

        await h.AdvanceAsync(TimeSpan.FromDays(30));

        var journal = await h.JournalAsync(id);
        journal.ShouldContain(e => e.Kind == JournalEventKind.Note && e.Detail == "window closed; cancelled open work: b");
        journal.ShouldContain(e => e.Kind == JournalEventKind.ActivityCancelled && e.ActivityId == "b");
        journal.Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "phase").Name.ShouldBe("closed");
        (await h.StateAsync(id)).Bookmarks.ShouldBeEmpty();
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        (await h.SignalAsync("b")).Disposition.ShouldBe(SignalDisposition.Parked);
    }

    [Fact]
    public async Task Window_in_flag_mode_lets_open_work_finish_late()
    {
        var opens = WorkflowHarness.Start;
        var h = new WorkflowHarness(new Window("phase", opens, opens.AddDays(30), new RunTask("a", "a")) { OnClose = WindowCloseMode.Flag });
        var id = await h.StartAsync();

        await h.AdvanceAsync(TimeSpan.FromDays(31));
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Running);
        (await h.JournalAsync(id)).ShouldContain(e => e.Kind == JournalEventKind.Note && e.Detail == "window closed with open work: a");

        await h.SignalAsync("a");
        (await h.JournalAsync(id)).Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "phase").Name.ShouldBe("completed-late");
    }

    [Fact]
    public async Task A_window_entered_after_its_close_is_missed_or_runs_late_by_mode()
    {
        var t0 = WorkflowHarness.Start;
        var h = new WorkflowHarness(
            new Sequence("s1", new WaitForSignal("gate", "go"), new Window("phase", t0.AddDays(1), t0.AddDays(2), new RunTask("work", "work"))),
            new Sequence("s2", new WaitForSignal("gate", "go"), new Window("phase", t0.AddDays(1), t0.AddDays(2), new RunTask("work", "work")) { OnClose = WindowCloseMode.Flag }));
        var cancelling = await h.StartAsync("a");
        var flagging = await h.StartAsync("b", definition: "wf1");
        h.Clock.Advance(TimeSpan.FromDays(5));

        await h.SignalAsync("go", "a");
        await h.SignalAsync("go", "b");

        (await h.StatusAsync(cancelling)).ShouldBe(WorkflowStatus.Completed);
        (await h.JournalAsync(cancelling)).Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "phase").Name.ShouldBe("missed");
        (await h.BookmarksAsync(flagging)).ShouldBe(["work"]);
        await h.SignalAsync("work", "b");
        (await h.JournalAsync(flagging)).Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "phase").Name.ShouldBe("completed-late");
    }

    [Fact]
    public async Task Loop_while_repeats_its_body_until_the_condition_fails()
    {
        var h = new WorkflowHarness(Loop.While("meetings", new WaitForSignal("meeting", "held"), pass => pass.BodyOutcome == "unsatisfied"));
        var id = await h.StartAsync();

        await h.SignalAsync("held", outcome: "unsatisfied");
        await h.SignalAsync("held", outcome: "unsatisfied");
        (await h.StateAsync(id)).Executions.Single(e => e.ActivityId == "meetings").Counter.ShouldBe(3);
        await h.SignalAsync("held", outcome: "satisfied");

        (await h.CompletedAsync(id)).ShouldBe(["meeting", "meeting", "meeting", "meetings"]);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Loop_until_decided_is_rerun_by_a_signal()
    {
        var h = new WorkflowHarness(Loop.UntilDecided("rework", new RunTask("meeting", "meeting-held"), "verdict"));
        var id = await h.StartAsync("u1");

        await h.SignalAsync("meeting-held", "u1");
        var decision = (await h.StateAsync(id)).Bookmarks.ShouldHaveSingleItem();
        decision.Kind.ShouldBe(BookmarkKind.Decision);
        decision.Key.ShouldBe(new BookmarkKey("verdict", "u1"));

        await h.SignalAsync("verdict", "u1", outcome: "repeat", sender: "rules");
        (await h.BookmarksAsync(id)).ShouldBe(["meeting-held"]);
        await h.SignalAsync("meeting-held", "u1");
        await h.SignalAsync("verdict", "u1", outcome: "accepted");

        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        var journal = await h.JournalAsync(id);
        journal.Count(e => e.Kind == JournalEventKind.ActivityStarted && e.ActivityId == "meeting").ShouldBe(2);
        journal.Last(e => e.Kind == JournalEventKind.ActivityCompleted).Name.ShouldBe("accepted");
    }

    [Fact]
    public async Task A_runaway_loop_faults_instead_of_spinning()
    {
        var h = new WorkflowHarness(Loop.While("spin", new Sequence("nothing"), _ => true, maxIterations: 50));
        var id = await h.StartAsync();

        var state = await h.StateAsync(id);
        state.Status.ShouldBe(WorkflowStatus.Faulted);
        state.Incidents.ShouldHaveSingleItem().Message.ShouldContain("limit of 50 passes");
    }
}
