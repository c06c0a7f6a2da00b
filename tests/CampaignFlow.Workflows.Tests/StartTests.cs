using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Tests;

public sealed class StartTests
{
    [Fact]
    public async Task Starting_twice_returns_the_existing_instance()
    {
        var h = new WorkflowHarness(new WaitForSignal("w", "w"));

        var first = await h.Runtime.StartAsync("wf", "unit-1");
        var second = await h.Runtime.StartAsync("wf", "unit-1");
        var other = await h.Runtime.StartAsync("wf", "unit-2");

        first.Created.ShouldBeTrue();
        second.Created.ShouldBeFalse();
        second.InstanceId.ShouldBe(first.InstanceId);
        other.InstanceId.ShouldNotBe(first.InstanceId);
        h.Store.InstanceCount.ShouldBe(2);
    }

    [Fact]
    public async Task Starting_many_creates_the_new_returns_the_existing_and_picks_up_parked_signals()
    {
        var h = new WorkflowHarness(new WaitForSignal("w", "go"));
        var existing = await h.Runtime.StartAsync("wf", "unit-1");
        (await h.SignalAsync("go", "unit-3")).InstancesResumed.ShouldBe(0, "no instance holds the bookmark yet: the signal is parked");

        var results = await h.Runtime.StartManyAsync("wf", ["unit-1", "unit-2", "unit-1", "unit-3"]);

        results.Select(r => r.Created).ShouldBe([false, true, false, true]);
        results[0].InstanceId.ShouldBe(existing.InstanceId);
        results[2].InstanceId.ShouldBe(existing.InstanceId, "a key given twice is one instance");
        results[1].Status.ShouldBe(WorkflowStatus.Running);
        results[3].Status.ShouldBe(WorkflowStatus.Completed, "the parked signal was delivered at start, as StartAsync does");
        (await h.StatusAsync(results[3].InstanceId)).ShouldBe(WorkflowStatus.Completed);
        h.Store.InstanceCount.ShouldBe(3);
        (await h.Runtime.StartManyAsync("wf", ["unit-2", "unit-3"])).ShouldAllBe(r => !r.Created);
    }

    [Fact]
    public async Task Concurrent_starts_for_one_key_create_one_instance()
    {
        var h = new WorkflowHarness(new WaitForSignal("w", "w"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.Runtime.StartAsync("wf", "unit-1"))));

        results.Select(r => r.InstanceId).Distinct().Count().ShouldBe(1);
        results.Count(r => r.Created).ShouldBe(1);
        h.Store.InstanceCount.ShouldBe(1);
    }

    [Fact]
    public async Task An_instance_stays_pinned_to_the_version_it_started_with()
    {
        var h = new WorkflowHarness(new Sequence("root", new WaitForSignal("gate", "go"), new WaitForSignal("v1-only", "v1")));
        var old = await h.StartAsync("unit-1");
        h.Definitions.Register(new WorkflowDefinition("wf", 2, new Sequence("root", new WaitForSignal("gate", "go"), new WaitForSignal("v2-only", "v2"))));
        var fresh = await h.StartAsync("unit-2");

        await h.SignalAsync("go", "unit-1");
        await h.SignalAsync("go", "unit-2");

        (await h.StateAsync(old)).DefinitionVersion.ShouldBe(1);
        (await h.BookmarksAsync(old)).ShouldBe(["v1"]);
        (await h.StateAsync(fresh)).DefinitionVersion.ShouldBe(2);
        (await h.BookmarksAsync(fresh)).ShouldBe(["v2"]);
    }

    [Fact]
    public void Activity_ids_must_be_unique_in_a_definition()
    {
        var error = Should.Throw<ArgumentException>(() =>
            new WorkflowDefinition("wf", 1, new Sequence("root", new WaitForSignal("gate", "a"), new WaitForSignal("gate", "b"))));
        error.Message.ShouldContain("'gate' twice");
    }

    [Fact]
    public void A_window_must_close_after_it_opens()
    {
        var at = WorkflowHarness.Start;
        Should.Throw<ArgumentException>(() => new Window("w", at, at, new Sequence("s"))).Message.ShouldContain("not after it opens");
    }

    [Fact]
    public async Task Start_input_becomes_instance_variables()
    {
        var h = new WorkflowHarness(new WaitForSignal("w", "w"));
        var started = await h.Runtime.StartAsync("wf", "u1", new Dictionary<string, string> { ["unit"] = "panyu-ftu" });

        started.Status.ShouldBe(WorkflowStatus.Running);
        (await h.StateAsync(started.InstanceId)).Variables!["unit"].ShouldBe("panyu-ftu");
    }
}
