using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
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

namespace CampaignFlow.Storage.Postgres.Tests.Workflows;

/// <summary>The workflow runtime end to end on PostgreSQL: a three-window campaign in virtual time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRuntimeTests(PrivatePostgresServer server)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static DateTimeOffset Day(int month, int day) => new(2014, month, day, 0, 0, 0, China);

    private static Activity Campaign() => ThreePhaseCampaign.Root();

    [Fact]
    public async Task A_three_window_campaign_runs_on_postgres_exactly_as_in_memory()
    {
        var onPostgres = await RunCampaignAsync(server.CreateStore());
        var inMemory = await RunCampaignAsync(new InMemoryWorkflowStore());

        var (state, journal) = onPostgres;
        state.Status.ShouldBe(WorkflowStatus.Completed);
        state.FinishedAt.ShouldBe(Day(10, 1));
        state.Bookmarks.ShouldBeEmpty();
        state.Timers.ShouldBeEmpty();
        string? OutcomeOf(string activity) => journal.Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == activity).Name;
        OutcomeOf("study").ShouldBe("completed");
        OutcomeOf("plan-approved").ShouldBe("approved");
        OutcomeOf("democratic-life").ShouldBe("satisfied");
        OutcomeOf("rectification").ShouldBe("closed");

        // Same transitions, same times, same offsets: the store changes nothing a reader of the journal sees
        // (inbox item ids are fresh random ids in each run, so they are masked).
        Masked(journal).ShouldBe(Masked(inMemory.Journal));
    }

    private static IEnumerable<string> Masked(IReadOnlyList<JournalEntry> journal) =>
        journal.Select(e => System.Text.RegularExpressions.Regex.Replace(e.ToString(), "[0-9a-f]{32}", "<item>"));


    private static async Task<(WorkflowInstanceState State, IReadOnlyList<JournalEntry> Journal)> RunCampaignAsync(IWorkflowStore store)
    {
        var clock = new ManualClock(Day(2, 1));
        var runtime = new WorkflowRuntime(store, new WorkflowDefinitionRegistry(new WorkflowDefinition("wf", 1, Campaign())), clock,
            new WorkflowRuntimeOptions { ClaimerId = "host-1", InboxRetention = TimeSpan.FromDays(30) });
        const string unit = "panyu-ftu";
        var id = (await runtime.StartAsync("wf", unit)).InstanceId;

        var events = new Dictionary<DateTimeOffset, Signal[]>
        {
            [Day(2, 18)] = [new("mobilization-held", unit) { Sender = "recorder" }],
            [Day(3, 5)] = [new("opinions-collected", unit) { Sender = "recorder" }],
            [Day(4, 2)] = [new("approved", $"{unit}/criticism-plan") { Sender = "supervision-group", Outcome = "approved", IdempotencyKey = "approval-1" }],
            [Day(4, 3)] = [new("approved", $"{unit}/criticism-plan") { Sender = "supervision-group", Outcome = "approved", IdempotencyKey = "approval-1" }],
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
        return ((await store.GetInstanceAsync(id))!, await store.GetJournalAsync(id));
    }
}
