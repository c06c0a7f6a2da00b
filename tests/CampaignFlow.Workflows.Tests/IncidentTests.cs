using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Workflows.Tests;

/// <summary>A custom activity that throws: the fault becomes an incident and the instance is recoverable.</summary>
public sealed class IncidentTests
{
    /// <summary>A custom activity as the campaign layer would write one: it fails while its dependency is down.</summary>
    private sealed class PublishNotice(string id, Dependency dependency) : Activity(id)
    {
        protected override void OnStart(ActivityContext context)
        {
            if (!dependency.Up)
            {
                throw new InvalidOperationException("notice board unreachable");
            }

            context.SetVariable("notice", $"published at {context.Now:yyyy-MM-dd}");
            context.Complete("published");
        }
    }

    private sealed class Dependency
    {
        public bool Up { get; set; }
    }

    [Fact]
    public async Task A_faulting_custom_activity_opens_an_incident_and_a_retry_recovers()
    {
        var board = new Dependency();
        var h = new WorkflowHarness(new Sequence("root",
            new Fork("both", new PublishNotice("publish", board), new WaitForSignal("other", "other")),
            new WaitForSignal("end", "end")));
        var id = await h.StartAsync();

        var faulted = await h.StateAsync(id);
        faulted.Status.ShouldBe(WorkflowStatus.Faulted);
        var incident = faulted.Incidents.ShouldHaveSingleItem();
        incident.ActivityId.ShouldBe("publish");
        incident.ExceptionType.ShouldBe(typeof(InvalidOperationException).FullName);
        incident.Message.ShouldBe("notice board unreachable");
        incident.ResolvedAt.ShouldBeNull();
        (await h.JournalAsync(id)).ShouldContain(e => e.Kind == JournalEventKind.IncidentRecorded && e.ActivityId == "publish");
        (await h.Runtime.FindInstancesAsync(WorkflowStatus.Faulted)).ShouldBe([id]);

        // Other branches go on while the incident is open, and the join waits for the faulted one.
        await h.SignalAsync("other");
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Faulted);
        (await h.BookmarksAsync(id)).ShouldBeEmpty();

        (await h.Runtime.RetryAsync(id)).ShouldBeTrue("retry runs again while the board is still down");
        (await h.StateAsync(id)).Incidents.Count.ShouldBe(2);

        board.Up = true;
        (await h.Runtime.RetryAsync(id)).ShouldBeTrue();

        var recovered = await h.StateAsync(id);
        recovered.Status.ShouldBe(WorkflowStatus.Running);
        recovered.Incidents.ShouldAllBe(i => i.Resolution == "retried");
        recovered.Variables!["notice"].ShouldStartWith("published at");
        (await h.BookmarksAsync(id)).ShouldBe(["end"]);
        await h.SignalAsync("end");
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
        (await h.Runtime.RetryAsync(id)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_faulted_branch_cancelled_by_its_window_resolves_its_incident()
    {
        var opens = WorkflowHarness.Start;
        var h = new WorkflowHarness(new Window("phase", opens, opens.AddDays(10), new PublishNotice("publish", new Dependency())));
        var id = await h.StartAsync();
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Faulted);

        await h.AdvanceAsync(TimeSpan.FromDays(10));

        var state = await h.StateAsync(id);
        state.Status.ShouldBe(WorkflowStatus.Completed);
        state.Incidents.ShouldHaveSingleItem().Resolution.ShouldBe("cancelled");
    }

    [Fact]
    public async Task Cancelling_an_instance_removes_all_its_waits()
    {
        var h = new WorkflowHarness(new Fork("p", new WaitForSignal("a", "a"), Delay.For("d", TimeSpan.FromDays(1))));
        var id = await h.StartAsync();

        (await h.Runtime.CancelAsync(id, "unit merged")).ShouldBeTrue();

        var state = await h.StateAsync(id);
        state.Status.ShouldBe(WorkflowStatus.Cancelled);
        state.Bookmarks.ShouldBeEmpty();
        state.Timers.ShouldBeEmpty();
        (await h.Store.FindInstancesByBookmarkAsync(new BookmarkKey("a", "c1"))).ShouldBeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(2))).ShouldBe(0);
        (await h.JournalAsync(id)).Last().Detail.ShouldBe("unit merged");
        (await h.Runtime.CancelAsync(id)).ShouldBeFalse();
    }
}
