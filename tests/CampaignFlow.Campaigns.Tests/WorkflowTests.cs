using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>The compiled workflow seen through a unit's state: gates wait for their review chain, re-work loops re-open on the rules' verdict.</summary>
public sealed class WorkflowTests
{
    [Fact]
    public async Task A_gate_waits_until_every_role_of_its_review_chain_has_approved()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-06-01"));
        await using var service = await h.StartAsync();
        var log = DemoLogs.Records("mianyang-ftu-2014").ToDictionary(r => r.Key, r => r.Json);
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-01"), 9);

        var before = await StateAsync(service, "mianyang-ftu");
        before.CurrentPhases.ShouldBe(["implementation", "study", "criticism", "rectification"], ignoreOrder: true);
        Gate(before, "team-self-examination").RolesToApprove.ShouldBe(["principal", "supervisor"]);
        Gate(before, "team-self-examination").Gates.ShouldBe(["democratic-life-meeting"]);
        Action(before, "democratic-life-meeting").Status.ShouldBe("awaiting-approval");

        await h.TickToAsync(service, CampaignHarness.Day("2014-06-06"), 12);
        await RecordAsync(service, "mianyang-ftu", log["team-self-examination"], log["team-self-examination-principal"]);
        Gate(await StateAsync(service, "mianyang-ftu"), "team-self-examination").RolesToApprove.ShouldBe(["supervisor"]);

        await h.TickToAsync(service, CampaignHarness.Day("2014-06-11"), 12);
        await RecordAsync(service, "mianyang-ftu", log["team-self-examination-supervisor"]);
        var after = await StateAsync(service, "mianyang-ftu");
        after.WaitingGates.ShouldNotContain(g => g.ActionId == "team-self-examination");
        // The meeting still waits for its other gates (the members' own materials, the meeting plan).
        after.WaitingGates.Select(g => g.ActionId).ShouldContain("self-examination");
        after.WaitingGates.Select(g => g.ActionId).ShouldContain("meeting-plan");
        Action(after, "democratic-life-meeting").Status.ShouldBe("awaiting-approval");
    }

    [Fact]
    public async Task A_meeting_evaluated_unsatisfied_by_a_third_re_opens_its_loop_until_the_re_held_meeting_passes()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        await using var service = await h.StartAsync();
        var log = DemoLogs.Records("panyu-ftu-2014").ToDictionary(r => r.Key, r => r.Json);
        await Replay.DaysAsync(h, service, "panyu-ftu", DemoLogs.Days("panyu-ftu-2014").Where(d => d.Day < CampaignHarness.Day("2014-06-12")));
        Action(await StateAsync(service, "panyu-ftu"), "democratic-life-meeting").Status.ShouldBe("open", "its gates are approved");

        await h.TickToAsync(service, CampaignHarness.Day("2014-06-12"), 18);
        await RecordAsync(service, "panyu-ftu", log["dlm"]);
        Action(await StateAsync(service, "panyu-ftu"), "democratic-life-meeting").Status.ShouldBe("awaiting-evaluation");

        await h.TickToAsync(service, CampaignHarness.Day("2014-06-18"), 18);
        await RecordAsync(service, "panyu-ftu", log["dlm-evaluation"]);
        Action(await StateAsync(service, "panyu-ftu"), "democratic-life-meeting").Status.ShouldBe("rework", "15 of 42 unsatisfied is a third or more");

        await h.TickToAsync(service, CampaignHarness.Day("2014-07-08"), 18);
        await RecordAsync(service, "panyu-ftu", log["dlm-again"]);
        Action(await StateAsync(service, "panyu-ftu"), "democratic-life-meeting").Status.ShouldBe("awaiting-evaluation");

        await h.TickToAsync(service, CampaignHarness.Day("2014-07-11"), 18);
        await RecordAsync(service, "panyu-ftu", log["dlm-again-evaluation"]);
        (await StateAsync(service, "panyu-ftu")).OpenActions.ShouldNotContain(a => a.Id == "democratic-life-meeting");
    }

    [Fact]
    public async Task The_state_names_the_next_deadlines_and_phases_by_the_clock()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-05"));
        await using var service = await h.StartAsync();
        await h.TickToAsync(service, CampaignHarness.Day("2014-03-05"), 9);

        var state = await StateAsync(service, "panyu-ftu");

        state.WorkflowStatus.ShouldBe("Running");
        state.Phases.Select(p => (p.Id, p.Status)).ShouldBe([("study", "open"), ("criticism", "pending"), ("rectification", "pending")]);
        state.CurrentPhases.ShouldBe(["study"]);
        state.NextDeadlines.ShouldContain(d => d.ActionId == "weekly-study" && d.Period == "2014-W10" && d.Ends == CampaignHarness.Day("2014-03-09"));
        state.NextDeadlines.ShouldAllBe(d => d.Ends >= CampaignHarness.Day("2014-03-05"));
        state.OpenActions.ShouldContain(a => a.Id == "weekly-study" && a.Status == "open");
    }

    internal static async Task<UnitCampaignState> StateAsync(CampaignService service, string unit) =>
        (await service.GetStateAsync(unit, CancellationToken.None)).ShouldNotBeNull();

    internal static async Task RecordAsync(CampaignService service, string unit, params string[] records)
    {
        var result = await service.RecordAsync(unit, DemoLogs.Array(records), RecordFormat.Json, "secretary", CancellationToken.None);
        result.HasErrors.ShouldBeFalse(string.Join("\n", result.Diagnostics));
        result.HasConflicts.ShouldBeFalse();
    }

    private static GateState Gate(UnitCampaignState state, string action) => state.WaitingGates.Single(g => g.ActionId == action);

    private static ActionState Action(UnitCampaignState state, string action) => state.OpenActions.Single(a => a.Id == action);
}
