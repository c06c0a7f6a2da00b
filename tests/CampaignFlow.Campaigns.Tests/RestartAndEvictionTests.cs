using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>Sessions are rebuilt from stored records: after a restart, or after eviction, everything reads the same and no history is added.</summary>
public sealed class RestartAndEvictionTests
{
    [Fact]
    public async Task A_new_service_on_the_same_stores_gives_the_same_state_and_violations_and_adds_no_history()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        var first = await h.StartAsync();
        await Replay.DaysAsync(h, first, "panyu-ftu", DemoLogs.Days("panyu-ftu-2014").Where(d => d.Day < CampaignHarness.Day("2014-07-01")));
        await h.TickToAsync(first, CampaignHarness.Day("2014-07-01"), 9);
        var state = await WorkflowTests.StateAsync(first, "panyu-ftu");
        var violations = await AllAsync(first);
        var history = await HistoryAsync(first, violations);
        violations.ShouldNotBeEmpty();
        await first.DisposeAsync();

        await using var second = await h.StartAsync();
        await second.TickAsync(CancellationToken.None);
        var again = await WorkflowTests.StateAsync(second, "panyu-ftu");

        Same(again, state);
        (await AllAsync(second)).ShouldBe(violations);
        (await HistoryAsync(second, violations)).ShouldBe(history);

        // The restarted service carries on where the first stopped.
        await Replay.DaysAsync(h, second, "panyu-ftu", DemoLogs.Days("panyu-ftu-2014").Where(d => d.Day >= CampaignHarness.Day("2014-07-01")));
        await h.TickToAsync(second, CampaignHarness.Day("2014-10-01"));
        (await h.OpenAsync(second, "panyu-ftu")).Count.ShouldBe(4);
    }

    [Fact]
    public async Task One_session_in_memory_across_several_units_gives_the_same_results_as_unlimited()
    {
        var plans = new[] { "panyu-ftu-2014", "mianyang-ftu-2014", "weidu-xiguan-street-2014" };
        var unlimited = await RunAsync(plans, 256);
        var one = await RunAsync(plans, 1);

        one.Violations.ShouldBe(unlimited.Violations);
        one.History.ShouldBe(unlimited.History);
        // The units without records (安徽, 广西) miss everything; the three recorded ones have their READMEs' violations.
        var recorded = new[] { "panyu-ftu", "mianyang-ftu", "weidu-xiguan-street" };
        one.Violations.Count(v => v.Status == ViolationStatus.Open && recorded.Contains(v.Unit)).ShouldBe(4 + 5 + 3);
        one.Sessions.ShouldBe(1);
    }

    [Fact]
    public async Task A_budget_of_records_smaller_than_one_session_keeps_one_session_and_gives_the_same_results_as_unlimited()
    {
        var plans = new[] { "panyu-ftu-2014", "mianyang-ftu-2014", "weidu-xiguan-street-2014" };
        var unlimited = await RunAsync(plans, 256);
        var budgeted = await RunAsync(plans, 256, maxSessionRecords: 1);

        budgeted.Violations.ShouldBe(unlimited.Violations);
        budgeted.History.ShouldBe(unlimited.History);
        budgeted.Sessions.ShouldBe(1, "every session holds at least one record's weight, so only the last used fits");
        unlimited.Sessions.ShouldBeGreaterThan(1);
    }

    private static async Task<(IReadOnlyList<StoredViolation> Violations, IReadOnlyList<(string, ViolationEventKind, DateTimeOffset)> History, int Sessions)> RunAsync(string[] plans, int maxSessions, long maxSessionRecords = 1_000_000)
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-01-01"));
        await using var service = await h.StartAsync(maxSessions, maxSessionRecords: maxSessionRecords);
        var days = plans.SelectMany(p => DemoLogs.Days(p).Select(d => (d.Day, Unit: service.Units.Single(u => u.PlanId == p).Id, d.Json)))
            .OrderBy(d => d.Day).ThenBy(d => d.Unit, StringComparer.Ordinal);
        foreach (var (day, unit, json) in days)
        {
            await Replay.DaysAsync(h, service, unit, [(day, json)]);
        }

        await h.TickToAsync(service, CampaignHarness.Day("2014-10-01"));
        var violations = await AllAsync(service);
        return (violations, await HistoryAsync(service, violations), service.SessionsInMemory);
    }

    private static async Task<IReadOnlyList<StoredViolation>> AllAsync(CampaignService service) =>
        (await service.QueryViolationsAsync(new ViolationQuery { Limit = 10_000 }, CancellationToken.None)).Items;

    private static async Task<IReadOnlyList<(string, ViolationEventKind, DateTimeOffset)>> HistoryAsync(CampaignService service, IEnumerable<StoredViolation> violations)
    {
        var events = new List<(string, ViolationEventKind, DateTimeOffset)>();
        foreach (var violation in violations)
        {
            events.AddRange((await service.GetViolationHistoryAsync(violation.Id, CancellationToken.None)).Select(e => (e.ViolationId, e.Kind, e.At)));
        }

        return events;
    }

    private static void Same(UnitCampaignState actual, UnitCampaignState expected)
    {
        actual.Unit.ShouldBe(expected.Unit);
        actual.WorkflowStatus.ShouldBe(expected.WorkflowStatus);
        actual.Phases.ShouldBe(expected.Phases);
        actual.CurrentPhases.ShouldBe(expected.CurrentPhases);
        actual.OpenActions.ShouldBe(expected.OpenActions);
        actual.WaitingGates.Select(g => (g.ActionId, string.Join(",", g.RolesToApprove))).ShouldBe(expected.WaitingGates.Select(g => (g.ActionId, string.Join(",", g.RolesToApprove))));
        actual.NextDeadlines.ShouldBe(expected.NextDeadlines);
        actual.OpenViolations.ShouldBe(expected.OpenViolations);
    }
}
