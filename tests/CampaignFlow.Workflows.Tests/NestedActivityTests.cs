using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Workflows.Tests;

/// <summary>Activities inside each other, including the parallel join inside a loop.</summary>
public sealed class NestedActivityTests
{
    [Fact]
    public async Task A_window_holding_a_parallel_of_sequences_with_a_deadline()
    {
        var opens = WorkflowHarness.Start.AddDays(7);
        var h = new WorkflowHarness(new Sequence("root",
            new Window("phase", opens, opens.AddDays(60), new Fork("actions",
                new Sequence("plan", new RunTask("draft", "plan-drafted"), new WaitForSignal("review", "plan-approved")),
                new Sequence("talks", new RunTask("talk", "talks-held"), Delay.For("cool-off", TimeSpan.FromDays(3))))),
            new WaitForSignal("final", "closed")));
        var id = await h.StartAsync("u1");

        await h.AdvanceToAsync(opens);
        (await h.BookmarksAsync(id)).ShouldBe(["plan-drafted", "talks-held"]);
        await h.SignalAsync("talks-held", "u1");
        await h.SignalAsync("plan-drafted", "u1");
        await h.SignalAsync("plan-approved", "u1");
        (await h.BookmarksAsync(id)).ShouldBeEmpty("the cool-off timer still holds the talks branch");

        await h.AdvanceAsync(TimeSpan.FromDays(3));
        (await h.BookmarksAsync(id)).ShouldBe(["closed"]);
        await h.SignalAsync("closed", "u1");

        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        (await h.CompletedAsync(id)).ShouldBe(["talk", "draft", "review", "plan", "cool-off", "talks", "actions", "phase", "final", "root"]);
    }

    [Fact]
    public async Task The_parallel_join_starts_fresh_in_every_loop_pass()
    {
        // A late branch of pass 1 must not count toward pass 2's join: each pass has its own executions.
        var h = new WorkflowHarness(Loop.While("rounds",
            new Fork("join", new WaitForSignal("a", "a"), new WaitForSignal("b", "b")),
            pass => pass.Iteration < 3));
        var id = await h.StartAsync();

        await h.SignalAsync("a");
        await h.SignalAsync("b");                  // pass 1 joins
        await h.SignalAsync("b");                  // pass 2: only b
        (await h.StateAsync(id)).Executions.Single(e => e.ActivityId == "rounds").Counter.ShouldBe(2);
        (await h.BookmarksAsync(id)).ShouldBe(["a"], "pass 2 still waits for a, even though b has completed twice overall");
        await h.SignalAsync("a");                  // pass 2 joins
        await h.SignalAsync("a");
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Running);
        await h.SignalAsync("b");                  // pass 3 joins, loop ends

        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        var joins = (await h.JournalAsync(id)).Where(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "join").ToList();
        joins.Count.ShouldBe(3);
        joins.Select(e => e.ExecutionId).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_loop_rerun_by_a_signal_reopens_its_whole_parallel_body()
    {
        var h = new WorkflowHarness(new Sequence("root",
            Loop.UntilDecided("rework",
                new Fork("meeting", new RunTask("hold", "meeting-held"), new RunTask("minutes", "minutes-filed")),
                "evaluation"),
            new RunTask("report", "reported")));
        var id = await h.StartAsync("u1");

        await h.SignalAsync("meeting-held", "u1");
        await h.SignalAsync("minutes-filed", "u1");
        await h.SignalAsync("evaluation", "u1", outcome: "repeat", sender: "rules-engine");
        (await h.BookmarksAsync(id)).ShouldBe(["meeting-held", "minutes-filed"]);

        await h.SignalAsync("minutes-filed", "u1");
        await h.SignalAsync("meeting-held", "u1");
        await h.SignalAsync("evaluation", "u1", outcome: "satisfied");
        (await h.BookmarksAsync(id)).ShouldBe(["reported"]);

        var journal = await h.JournalAsync(id);
        journal.Count(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "meeting").ShouldBe(2);
        journal.ShouldContain(e => e.Kind == JournalEventKind.SignalReceived && e.Name == "evaluation" && e.Sender == "rules-engine");
    }

    [Fact]
    public async Task Two_branches_waiting_on_one_key_are_both_resumed_by_one_signal()
    {
        var h = new WorkflowHarness(new Fork("p", new WaitForSignal("x", "go"), new WaitForSignal("y", "go")));
        var id = await h.StartAsync();

        var result = await h.SignalAsync("go");

        result.InstancesResumed.ShouldBe(1);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        (await h.JournalAsync(id)).Count(e => e.Kind == JournalEventKind.BookmarkResumed).ShouldBe(2);
    }

    [Fact]
    public async Task One_signal_resumes_the_matching_bookmark_in_every_instance()
    {
        var h = new WorkflowHarness(new WaitForSignal("w", "deadline-moved", "all-units"));
        var ids = new[] { await h.StartAsync("u1"), await h.StartAsync("u2"), await h.StartAsync("u3") };

        var result = await h.SignalAsync("deadline-moved", "all-units");

        result.InstancesResumed.ShouldBe(3);
        foreach (var id in ids)
        {
            (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        }

        (await h.Store.GetInboxItemAsync(result.InboxItemId))!.Status.ShouldBe(Persistence.InboxItemStatus.Completed);
    }
}
