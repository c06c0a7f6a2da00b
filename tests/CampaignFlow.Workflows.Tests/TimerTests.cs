using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Workflows.Tests;

/// <summary>Timers fire once, in due order, however the clock moves and however many hosts run them.</summary>
public sealed class TimerTests
{
    [Fact]
    public async Task A_timer_fires_exactly_once_when_the_clock_jumps_months()
    {
        var h = new WorkflowHarness(new Sequence("s", Delay.For("wait", TimeSpan.FromDays(10)), new WaitForSignal("after", "after")));
        var id = await h.StartAsync();

        (await h.AdvanceAsync(TimeSpan.FromDays(120))).ShouldBe(1);
        (await h.Runtime.RunDueTimersAsync()).ShouldBe(0);
        (await h.AdvanceAsync(TimeSpan.FromDays(200))).ShouldBe(0);

        var fired = (await h.JournalAsync(id)).Where(e => e.Kind == JournalEventKind.TimerFired).ToList();
        fired.ShouldHaveSingleItem().DueAt.ShouldBe(WorkflowHarness.Start.AddDays(10));
        fired[0].At.ShouldBe(WorkflowHarness.Start.AddDays(10), "a late timer's transition is dated at its due time");
        (await h.BookmarksAsync(id)).ShouldBe(["after"]);
    }

    [Fact]
    public async Task A_jump_replays_chained_timers_in_due_order()
    {
        var t0 = WorkflowHarness.Start;
        var h = new WorkflowHarness(new Fork("p",
            new Sequence("chain", Delay.Until("d1", t0.AddDays(10)), Delay.For("d2", TimeSpan.FromDays(10)), Delay.For("d3", TimeSpan.FromDays(10))),
            Delay.Until("lone", t0.AddDays(25))));
        var id = await h.StartAsync();

        (await h.AdvanceAsync(TimeSpan.FromDays(365))).ShouldBe(4);

        var fired = (await h.JournalAsync(id)).Where(e => e.Kind == JournalEventKind.TimerFired).Select(e => e.ActivityId).ToList();
        fired.ShouldBe(["d1", "d2", "lone", "d3"]);
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Firing_due_timers_tells_the_host_which_instances_they_belong_to_in_due_order()
    {
        var t0 = WorkflowHarness.Start;
        var h = new WorkflowHarness(new Sequence("chain", Delay.Until("d1", t0.AddDays(10)), Delay.For("d2", TimeSpan.FromDays(10))));
        var first = await h.StartAsync("alpha");
        var second = await h.StartAsync("beta");
        h.Clock.SetTo(t0.AddDays(15));

        var fired = await h.Runtime.FireDueTimersAsync();

        fired.Select(f => (f.InstanceId, f.CorrelationKey, f.DefinitionId, f.DueAt)).OrderBy(f => f.CorrelationKey)
            .ShouldBe([(first, "alpha", "wf", t0.AddDays(10)), (second, "beta", "wf", t0.AddDays(10))]);
        h.Clock.SetTo(t0.AddDays(40));
        var later = await h.Runtime.FireDueTimersAsync();
        later.Select(f => f.DueAt).ShouldBe([t0.AddDays(20), t0.AddDays(20)]);
        (await h.Runtime.FireDueTimersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_hosts_racing_over_the_same_due_timers_fire_each_once()
    {
        var h = new WorkflowHarness(Loop.While("ticks", Delay.For("tick", TimeSpan.FromDays(1)), pass => pass.Iteration < 5));
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await h.StartAsync($"u{i}"));
        }

        var hostA = h.NewRuntime("host-a");
        var hostB = h.NewRuntime("host-b");

        h.Clock.Advance(TimeSpan.FromDays(30));
        var counts = await Task.WhenAll(Task.Run(() => hostA.RunDueTimersAsync()), Task.Run(() => hostB.RunDueTimersAsync()));
        counts.Sum().ShouldBe(30 * 5);
        (await h.Runtime.RunDueTimersAsync()).ShouldBe(0);

        foreach (var id in ids)
        {
            (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Completed);
            (await h.JournalAsync(id)).Count(e => e.Kind == JournalEventKind.TimerFired).ShouldBe(5);
        }
    }

    [Fact]
    public async Task A_cancelled_timer_never_fires()
    {
        var h = new WorkflowHarness(new Fork("p", new WaitForSignal("w", "stop"), Delay.For("d", TimeSpan.FromDays(5))) { Join = JoinMode.Any });
        var id = await h.StartAsync();
        await h.SignalAsync("stop");

        (await h.AdvanceAsync(TimeSpan.FromDays(6))).ShouldBe(0);
        (await h.JournalAsync(id)).ShouldContain(e => e.Kind == JournalEventKind.TimerCancelled && e.ActivityId == "d");
        (await h.Store.GetNextTimerDueAtAsync()).ShouldBeNull();
    }
}
