using System.Text.Json;
using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Persistence;
using CampaignFlow.Workflows.Persistence.InMemory;
using CampaignFlow.Workflows.Runtime;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Tests;

public sealed class StateSerializationTests
{
    [Fact]
    public async Task A_live_instance_round_trips_through_json_and_resumes_elsewhere()
    {
        var h = new WorkflowHarness(Loop.UntilDecided("rework",
            new Fork("p", new RunTask("a", "a"), new Sequence("b", new WaitForSignal("b1", "b1"), Delay.For("b2", TimeSpan.FromDays(1)))),
            "verdict"));
        var id = await h.StartAsync("u1");
        await h.SignalAsync("a", "u1");
        await h.SignalAsync("b1", "u1");

        var json = JsonSerializer.Serialize(await h.StateAsync(id));
        using (var document = JsonDocument.Parse(json))
        {
            var root = document.RootElement;
            root.GetProperty("Status").GetString().ShouldBe("Running");
            root.GetProperty("Executions").GetArrayLength().ShouldBe(4, "loop, parallel, sequence b, delay b2");
            root.GetProperty("Timers")[0].GetProperty("DueAt").GetDateTimeOffset().ShouldBe(WorkflowHarness.Start.AddDays(1));
            root.GetProperty("Executions").EnumerateArray().Single(e => e.GetProperty("ActivityId").GetString() == "rework").GetProperty("Counter").GetInt32().ShouldBe(1);
        }

        // A second process: its own store, fed the document, with the indexes a durable store derives from it.
        var restored = JsonSerializer.Deserialize<WorkflowInstanceState>(json).ShouldNotBeNull();
        restored.Version = 1;
        var store = new InMemoryWorkflowStore();
        (await store.CommitAsync(new WorkflowCommit
        {
            Instance = restored,
            ExpectedVersion = 0,
            BookmarksAdded = restored.Bookmarks.Select(b => b.Key).Distinct().ToList(),
            TimersScheduled = restored.Timers.ToList(),
        })).Status.ShouldBe(CommitStatus.Committed);
        var runtime = new WorkflowRuntime(store, h.Definitions, h.Clock);

        h.Clock.Advance(TimeSpan.FromDays(1));
        (await runtime.RunDueTimersAsync()).ShouldBe(1);
        (await runtime.SendSignalAsync(new Signal("verdict", "u1") { Outcome = "done" })).Disposition.ShouldBe(SignalDisposition.Delivered);
        (await runtime.GetInstanceAsync(id))!.Status.ShouldBe(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task The_source_generated_context_round_trips_state_journal_and_inbox_items()
    {
        var h = new WorkflowHarness(new Fork("p", new RunTask("a", "a"), Loop.UntilDecided("l", Delay.For("d", TimeSpan.FromDays(1)), "verdict")));
        var id = await h.Runtime.StartAsync("wf", "u1", new Dictionary<string, string> { ["k"] = "v" });
        await h.AdvanceAsync(TimeSpan.FromDays(1));
        var parked = await h.Runtime.SendSignalAsync(new Signal("later", "u1") { Sender = "s", Outcome = "o", Payload = new() { ["x"] = "1" }, IdempotencyKey = "k1" });

        var state = await h.StateAsync(id.InstanceId);
        var json = JsonSerializer.Serialize(state, WorkflowJsonContext.Default.WorkflowInstanceState);
        var back = JsonSerializer.Deserialize(json, WorkflowJsonContext.Default.WorkflowInstanceState).ShouldNotBeNull();
        JsonSerializer.Serialize(back, WorkflowJsonContext.Default.WorkflowInstanceState).ShouldBe(json);
        back.Bookmarks.Select(b => b.Key).ShouldBe(state.Bookmarks.Select(b => b.Key));
        back.Variables!["k"].ShouldBe("v");

        foreach (var entry in await h.JournalAsync(id.InstanceId))
        {
            JsonSerializer.Deserialize(JsonSerializer.Serialize(entry, WorkflowJsonContext.Default.JournalEntry), WorkflowJsonContext.Default.JournalEntry).ShouldBe(entry);
        }

        var item = (await h.Store.GetInboxItemAsync(parked.InboxItemId)).ShouldNotBeNull();
        var itemBack = JsonSerializer.Deserialize(JsonSerializer.Serialize(item, WorkflowJsonContext.Default.InboxItem), WorkflowJsonContext.Default.InboxItem).ShouldNotBeNull();
        itemBack.Signal.Key.ShouldBe(new BookmarkKey("later", "u1"));
        itemBack.Signal.Payload!["x"].ShouldBe("1");
        itemBack.Signal.Sender.ShouldBe("s");
        itemBack.ExpiresAt.ShouldBe(item.ExpiresAt);
    }
}
