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
}
