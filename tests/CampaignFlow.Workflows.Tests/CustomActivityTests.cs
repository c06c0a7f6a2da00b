using System.Globalization;
using CampaignFlow.Workflows.Activities;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Signals;

namespace CampaignFlow.Workflows.Tests;

/// <summary>The extension point, with the example from the engine's README.</summary>
public sealed class CustomActivityTests
{
    private sealed class RequireQuorum(string id, string meeting, int members) : Activity(id)
    {
        protected override void OnStart(ActivityContext context) =>
            context.CreateBookmark("attendance", $"{context.CorrelationKey}/{meeting}");

        protected override void OnSignal(ActivityContext context, Bookmark bookmark, Signal signal)
        {
            var present = int.Parse(signal.Payload!["present"], CultureInfo.InvariantCulture);
            if (present * 3 >= members * 2)
            {
                context.Complete("quorate");
            }
            else
            {
                context.CreateBookmark("attendance", bookmark.Correlation);
            }
        }
    }

    private sealed class CountPasses(string id) : Activity(id)
    {
        protected override void OnStart(ActivityContext context)
        {
            var passes = int.Parse(context.Variables.GetValueOrDefault("passes", "0"), CultureInfo.InvariantCulture) + 1;
            context.SetVariable("passes", passes.ToString(CultureInfo.InvariantCulture));
            context.SetLocal("seen", "yes");
            context.Complete(passes < 3 ? "again" : "enough");
        }
    }

    [Fact]
    public async Task A_custom_activity_waits_on_its_own_bookmarks_until_satisfied()
    {
        var h = new WorkflowHarness(new Sequence("s", new RequireQuorum("quorum", "lifemeeting", 9), new RunTask("minutes", "minutes")));
        var id = await h.StartAsync("u1");

        Signal Attendance(int present) => new("attendance", "u1/lifemeeting") { Payload = new() { ["present"] = present.ToString(CultureInfo.InvariantCulture) } };
        await h.Runtime.SendSignalAsync(Attendance(4));
        (await h.BookmarksAsync(id)).ShouldBe(["attendance"]);
        await h.Runtime.SendSignalAsync(Attendance(7));

        (await h.BookmarksAsync(id)).ShouldBe(["minutes"]);
        (await h.CompletedAsync(id)).ShouldBe(["quorum"]);
    }

    [Fact]
    public async Task A_custom_activity_drives_a_loop_through_variables()
    {
        var h = new WorkflowHarness(Loop.While("l", new CountPasses("count"), pass => pass.BodyOutcome == "again"));
        var id = await h.StartAsync();

        var state = await h.StateAsync(id);
        state.Status.ShouldBe(WorkflowStatus.Completed);
        state.Variables!["passes"].ShouldBe("3");
    }
}
