using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Conformance.Samples;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Tests;

/// <summary>
/// A whole three-phase campaign, February to September 2014, run day by day on a manual clock: phase
/// windows, an approval gate whose approval arrives early, a meeting that has to be held again, and a
/// task still open when the last window closes.
/// </summary>
public sealed class CampaignSimulationTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static DateTimeOffset Day(int month, int day) => new(2014, month, day, 0, 0, 0, China);

    private static Activity Campaign() => ThreePhaseCampaign.Root();

    [Fact]
    public async Task Eight_months_of_a_three_phase_campaign_in_virtual_time()
    {
        var h = new WorkflowHarness(Campaign());
        h.Clock.SetTo(Day(2, 1));
        const string unit = "panyu-ftu";
        var id = (await h.Runtime.StartAsync("wf", unit)).InstanceId;

        var events = new Dictionary<DateTimeOffset, Signal[]>
        {
            [Day(2, 18)] = [new("mobilization-held", unit) { Sender = "recorder" }],   // too early: parked until the window opens
            [Day(3, 5)] = [new("opinions-collected", unit) { Sender = "recorder" }],
            [Day(4, 2)] = [new("approved", $"{unit}/criticism-plan") { Sender = "supervision-group", Outcome = "approved" }],
            [Day(4, 20)] = [new("opinions-reviewed", unit) { Sender = "leadership" }],
            [Day(5, 20)] = [new("talks-held", unit) { Sender = "recorder" }],
            [Day(6, 10)] = [new("meeting-held", unit) { Sender = "recorder" }],
            [Day(6, 12)] = [new("meeting-evaluated", unit) { Sender = "rules", Outcome = "repeat" }],
            [Day(7, 8)] = [new("meeting-held", unit) { Sender = "recorder" }],
            [Day(7, 10)] = [new("meeting-evaluated", unit) { Sender = "rules", Outcome = "satisfied" }],
            [Day(8, 25)] = [new("rectification-planned", unit) { Sender = "recorder" }],
        };

        for (var day = Day(2, 1); day <= Day(10, 2); day = day.AddDays(1))
        {
            h.Clock.SetTo(day);
            await h.Runtime.RunDueTimersAsync();
            if (events.TryGetValue(day, out var signals))
            {
                foreach (var signal in signals)
                {
                    await h.Runtime.SendSignalAsync(signal);
                }
            }
        }

        var state = await h.StateAsync(id);
        state.Status.ShouldBe(WorkflowStatus.Completed);
        state.FinishedAt.ShouldBe(Day(10, 1));
        state.Bookmarks.ShouldBeEmpty();
        state.Timers.ShouldBeEmpty();

        var journal = await h.JournalAsync(id);
        string? OutcomeOf(string activity) => journal.Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == activity).Name;
        OutcomeOf("study").ShouldBe("completed");
        OutcomeOf("plan-approved").ShouldBe("approved");
        OutcomeOf("criticism").ShouldBe("completed");
        OutcomeOf("democratic-life").ShouldBe("satisfied");
        OutcomeOf("rectification").ShouldBe("closed");

        DateTimeOffset NoteAt(string activity, string note) => journal.Single(e => e.Kind == JournalEventKind.Note && e.ActivityId == activity && e.Detail == note).At;
        NoteAt("study", "window opened").ShouldBe(Day(2, 20));
        NoteAt("criticism", "window opened").ShouldBe(Day(5, 1));
        NoteAt("rectification", "window opened").ShouldBe(Day(8, 1));
        NoteAt("rectification", "window closed; cancelled open work: publish-plan").ShouldBe(Day(10, 1));

        // The early approval was applied the moment its gate appeared, on the day the study phase completed.
        var approval = journal.Single(e => e.Kind == JournalEventKind.SignalReceived && e.Name == "approved");
        approval.Sender.ShouldBe("supervision-group");
        approval.At.ShouldBe(Day(4, 20));
        journal.Single(e => e.Kind == JournalEventKind.SignalReceived && e.Name == "mobilization-held").At.ShouldBe(Day(2, 20));

        journal.Count(e => e.Kind == JournalEventKind.ActivityStarted && e.ActivityId == "meeting").ShouldBe(2);
        journal.ShouldContain(e => e.Kind == JournalEventKind.ActivityCancelled && e.ActivityId == "publish-plan");
        journal.Count(e => e.Kind == JournalEventKind.TimerFired).ShouldBe(4, "three windows open and the last one closes; study and criticism ended before their close");
        journal.Select(e => e.At).ShouldBeInOrder(SortDirection.Ascending);
        journal.Last().Kind.ShouldBe(JournalEventKind.WorkflowCompleted);
    }

    [Fact]
    public async Task The_same_campaign_for_many_units_with_one_jump_to_october()
    {
        var h = new WorkflowHarness(Campaign());
        h.Clock.SetTo(Day(2, 1));
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add((await h.Runtime.StartAsync("wf", $"unit-{i}")).InstanceId);
        }

        // Approvals come a week before the gates exist; they wait in the inbox (retention 30 days).
        await h.AdvanceToAsync(Day(4, 24));
        for (var i = 0; i < 50; i += 2)
        {
            await h.Runtime.SendSignalAsync(new Signal("approved", $"unit-{i}/criticism-plan") { Outcome = "approved" });
        }

        await h.AdvanceToAsync(Day(10, 1));

        for (var i = 0; i < 50; i++)
        {
            var journal = await h.JournalAsync(ids[i]);
            var state = await h.StateAsync(ids[i]);
            if (i % 2 == 0)
            {
                // Approved units went through every window; nothing was done, so each closed with its work cancelled.
                state.Status.ShouldBe(WorkflowStatus.Completed);
                journal.Count(e => e.Kind == JournalEventKind.Note && e.Detail!.StartsWith("window closed", StringComparison.Ordinal)).ShouldBe(3);
            }
            else
            {
                state.Status.ShouldBe(WorkflowStatus.Running);
                state.Bookmarks.ShouldHaveSingleItem().Key.ShouldBe(new BookmarkKey("approved", $"unit-{i}/criticism-plan"));
            }
        }
    }
}
