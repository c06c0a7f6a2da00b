using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Runtime;

namespace CampaignFlow.Workflows.Tests;

/// <summary>
/// A boundary many instances reach at once is fired in batches (one read, one look for parked signals, one commit
/// transaction each): every instance ends exactly as firing its timers one at a time leaves it, and a host that dies
/// half-way through a batch leaves the rest to the next, with nothing fired twice.
/// </summary>
public sealed class BatchedTimerTests
{
    private static readonly DateTimeOffset T0 = WorkflowHarness.Start;

    // A chain of timers beside a lone one (a batch fires one timer per instance, the earliest), with a wait between
    // them that a signal parked before its bookmark opened resumes in the same commit.
    private static Activity Campaign() => new Fork("campaign",
        new Sequence("chain", Delay.Until("opens", T0.AddDays(10)), new WaitForSignal("held", "held"), Delay.For("review", TimeSpan.FromDays(5)), Delay.For("closes", TimeSpan.FromDays(5))),
        Delay.Until("lone", T0.AddDays(12)));

    private static async Task<WorkflowHarness> UnitsAsync(int count)
    {
        var h = new WorkflowHarness(Campaign());
        for (var i = 0; i < count; i++)
        {
            await h.StartAsync($"u{i:D2}");
            if (i % 3 == 0)
            {
                await h.SignalAsync("held", $"u{i:D2}", key: $"held-u{i:D2}"); // parked: the wait opens on the first timer
            }
        }

        return h;
    }

    private static WorkflowRuntime Host(WorkflowHarness h, string claimer, int batchSize) =>
        new(h.Store, h.Definitions, h.Clock, new WorkflowRuntimeOptions { ClaimerId = claimer, BatchSize = batchSize, InboxRetention = TimeSpan.FromDays(30) });

    private static async Task<List<string>> JournalsAsync(WorkflowHarness h, int count)
    {
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = (await h.Store.FindInstanceIdAsync("wf", $"u{i:D2}"))!;
            var state = (await h.Store.GetInstanceAsync(id))!;
            lines.Add($"u{i:D2} {state.Status} v{state.Version}");
            lines.AddRange((await h.Store.GetJournalAsync(id)).Select(e => $"u{i:D2} {e.Sequence} {e.Kind} {e.ActivityId} {e.At:O} {e.DueAt:O}"));
        }

        return lines;
    }

    [Fact]
    public async Task A_boundary_fired_in_batches_leaves_every_instance_as_firing_one_at_a_time_does()
    {
        const int units = 40;
        var oneByOne = await UnitsAsync(units);
        var batched = await UnitsAsync(units);

        foreach (var (h, batchSize) in new[] { (oneByOne, 1), (batched, 7) })
        {
            var host = Host(h, "host", batchSize);
            foreach (var day in new[] { 11, 13, 40 })
            {
                h.Clock.SetTo(T0.AddDays(day));
                await host.FireDueTimersAsync();
            }

            (await host.FireDueTimersAsync()).ShouldBeEmpty();
        }

        var expected = await JournalsAsync(oneByOne, units);
        (await JournalsAsync(batched, units)).ShouldBe(expected);
        expected.Count(l => l.Contains(" TimerFired ", StringComparison.Ordinal)).ShouldBe(2 * units + 2 * ((units + 2) / 3), "opens and lone everywhere, review and closes where the parked signal resumed the wait");
        expected.Count(l => l.Contains("Completed v", StringComparison.Ordinal)).ShouldBe((units + 2) / 3);
    }

    [Fact]
    public async Task A_jump_over_a_chain_fires_it_in_due_order_across_batches()
    {
        var h = await UnitsAsync(5);
        var host = Host(h, "host", 3);
        h.Clock.SetTo(T0.AddDays(40));

        var fired = await host.FireDueTimersAsync();

        var first = fired.Where(f => f.CorrelationKey == "u00").Select(f => f.DueAt).ToList();
        first.ShouldBe([T0.AddDays(10), T0.AddDays(12), T0.AddDays(15), T0.AddDays(20)]);
        fired.Count.ShouldBe(5 * 2 + 2 * 2);
    }

    [Fact]
    public async Task A_host_that_dies_half_way_through_a_batch_leaves_the_rest_to_another_and_nothing_fires_twice()
    {
        const int units = 20;
        var h = await UnitsAsync(units);
        var crashing = new CrashingStore(h.Store);
        var dying = new WorkflowRuntime(crashing, h.Definitions, h.Clock, new WorkflowRuntimeOptions { ClaimerId = "dying", BatchSize = 32, TimerLease = TimeSpan.FromMinutes(1) });
        h.Clock.SetTo(T0.AddDays(11));
        crashing.ResetCount();
        crashing.FailingCommits.Add(4);

        await Should.ThrowAsync<IOException>(() => dying.FireDueTimersAsync());

        var survivor = Host(h, "survivor", 8);
        (await survivor.FireDueTimersAsync()).ShouldBeEmpty("the dead host's claims hold until their lease runs out");
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        var fired = await survivor.FireDueTimersAsync();

        fired.Count.ShouldBe(units - 3, "the three commits before the failure stood");
        for (var i = 0; i < units; i++)
        {
            var id = (await h.Store.FindInstanceIdAsync("wf", $"u{i:D2}"))!;
            (await h.Store.GetJournalAsync(id)).Count(e => e.Kind == JournalEventKind.TimerFired && e.ActivityId == "opens").ShouldBe(1);
        }
    }

    [Fact]
    public async Task Two_hosts_firing_one_boundary_in_batches_share_it_and_fire_each_timer_once()
    {
        const int units = 60;
        var h = await UnitsAsync(units);
        h.Clock.SetTo(T0.AddDays(40));

        var fired = await Task.WhenAll(Task.Run(() => Host(h, "a", 5).FireDueTimersAsync()), Task.Run(() => Host(h, "b", 5).FireDueTimersAsync()));

        fired.Sum(f => f.Count).ShouldBe(units * 2 + 2 * ((units + 2) / 3));
        fired.SelectMany(f => f).Select(f => (f.InstanceId, f.TimerId)).Distinct().Count().ShouldBe(fired.Sum(f => f.Count));
    }
}
