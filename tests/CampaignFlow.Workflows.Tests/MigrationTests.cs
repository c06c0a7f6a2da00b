using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Definitions;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Workflows.Tests;

/// <summary>Moving a live instance to a new definition version through an explicit activity-id map.</summary>
public sealed class MigrationTests
{
    /// <summary>Starts an instance on version 1, then publishes version 2.</summary>
    private static async Task<(WorkflowHarness Harness, string InstanceId)> StartOnVersion1Async()
    {
        var h = new WorkflowHarness(new Sequence("root", new WaitForSignal("gate", "approved"), new RunTask("old-task", "old")));
        var id = await h.StartAsync();
        h.Definitions.Register(new WorkflowDefinition("wf", 2, new Sequence("root",
            new WaitForSignal("approval-gate", "approved"), new RunTask("new-task", "new"))));
        return (h, id);
    }

    [Fact]
    public async Task A_waiting_instance_moves_to_the_new_version_by_mapped_ids()
    {
        var (h, id) = await StartOnVersion1Async();

        (await h.Runtime.MigrateAsync(id, 2, new Dictionary<string, string> { ["gate"] = "approval-gate" })).ShouldBeTrue();

        var state = await h.StateAsync(id);
        state.DefinitionVersion.ShouldBe(2);
        state.Bookmarks.ShouldHaveSingleItem().ActivityId.ShouldBe("approval-gate");
        (await h.JournalAsync(id)).Last().ShouldSatisfyAllConditions(
            e => e.Kind.ShouldBe(JournalEventKind.Note),
            e => e.Detail.ShouldBe("version 1 → 2; gate → approval-gate"));

        await h.SignalAsync("approved");
        (await h.BookmarksAsync(id)).ShouldBe(["new"], "the rest of the run follows version 2");
    }

    [Fact]
    public async Task An_unmapped_live_activity_blocks_the_migration_and_changes_nothing()
    {
        var (h, id) = await StartOnVersion1Async();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => h.Runtime.MigrateAsync(id, 2));

        error.Message.ShouldContain("'gate' maps to 'gate', which version 2 does not have");
        var state = await h.StateAsync(id);
        state.DefinitionVersion.ShouldBe(1);
        state.Version.ShouldBe(1);
        await h.SignalAsync("approved");
        (await h.BookmarksAsync(id)).ShouldBe(["old"]);
    }

    [Fact]
    public async Task A_mapping_onto_another_kind_of_activity_is_refused()
    {
        var (h, id) = await StartOnVersion1Async();
        await h.SignalAsync("approved");

        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            h.Runtime.MigrateAsync(id, 2, new Dictionary<string, string> { ["old-task"] = "approval-gate" }));

        error.Message.ShouldContain("'old-task' is a RunTask but 'approval-gate' in version 2 is a WaitForSignal");
        (await h.StatusAsync(id)).ShouldBe(WorkflowStatus.Running);
    }
}
