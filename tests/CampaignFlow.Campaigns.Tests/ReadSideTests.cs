using CampaignFlow.Campaigns.Service;
using CampaignFlow.Workflows.Journal;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>What a console reads of a unit without touching its session: its stored records and what its workflow did.</summary>
public sealed class ReadSideTests
{
    [Fact]
    public async Task A_units_records_and_its_workflows_journal_are_read_in_order_and_an_unknown_unit_has_neither()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-06-01"));
        await using var service = await h.StartAsync();
        var log = DemoLogs.Records("mianyang-ftu-2014").ToDictionary(r => r.Key, r => r.Json);
        await h.TickToAsync(service, CampaignHarness.Day("2014-06-06"), 12);
        await WorkflowTests.RecordAsync(service, "mianyang-ftu", log["team-self-examination"], log["team-self-examination-principal"]);

        var records = (await service.ReadRecordsAsync("mianyang-ftu"))!;
        records.Select(r => r.Key).ShouldBe(["team-self-examination", "team-self-examination-principal"]);
        (await service.ReadRecordsAsync("mianyang-ftu", afterSequence: records[0].Sequence))!.Select(r => r.Key).ShouldBe(["team-self-examination-principal"]);

        var journal = (await service.GetJournalAsync("mianyang-ftu"))!;
        journal[0].Kind.ShouldBe(JournalEventKind.WorkflowStarted);
        journal.Select(e => e.Sequence).ShouldBeInOrder();
        journal.ShouldContain(e => e.Kind == JournalEventKind.BookmarkResumed && e.ActivityId == "approve:team-self-examination:principal");

        (await service.ReadRecordsAsync("nowhere")).ShouldBeNull();
        (await service.GetJournalAsync("nowhere")).ShouldBeNull();
    }

    [Fact]
    public async Task Units_states_read_at_once_are_those_read_one_by_one()
    {
        var h = new CampaignHarness(new DateOnly(2014, 1, 1));
        await using var service = await h.StartAsync();
        // 番禺区总工会 mid-campaign: its 专题民主生活会方案 (submitted 5月5日, approved 5月9日 in its log) waits for the
        // supervision group; the other units recorded nothing, so their ended periods are open violations.
        var may = CampaignHarness.Day("2014-05-06");
        await Replay.DaysAsync(h, service, "panyu-ftu", DemoLogs.Days("panyu-ftu-2014").Where(d => d.Day <= may));
        await h.TickToAsync(service, may, 18);
        var ids = service.Units.Select(u => u.Id).Append("nowhere").ToArray();

        var states = await service.GetStatesAsync(ids, CancellationToken.None);
        var counts = await service.CountOpenViolationsAsync(ids, CancellationToken.None);

        states.Keys.Order(StringComparer.Ordinal).ShouldBe(service.Units.Select(u => u.Id).Order(StringComparer.Ordinal));
        counts.Keys.ShouldBe(states.Keys, ignoreOrder: true);
        foreach (var unit in service.Units)
        {
            var one = (await service.GetStateAsync(unit.Id, CancellationToken.None))!;
            Shape(states[unit.Id]).ShouldBe(Shape(one), unit.Id);
            counts[unit.Id].ShouldBe(one.OpenViolations, unit.Id);
        }

        states.Values.ShouldContain(s => s.OpenViolations > 0);
        states["panyu-ftu"].WaitingGates.ShouldContain(g => g.DocumentKind == "meeting-plan" && g.RolesToApprove[0] == "supervisor");
        service.HasApprover("panyu-ftu", "supervisor").ShouldBeTrue();
        service.HasApprover("weidu-district", "supervisor").ShouldBeFalse("魏都区委's plan has no gate to approve");
        service.HasApprover("nowhere", "supervisor").ShouldBeFalse();
        (await service.GetStatesAsync([], CancellationToken.None)).ShouldBeEmpty();
    }

    private static string Shape(UnitCampaignState state) => string.Join(" | ",
        state.Unit.Id,
        state.WorkflowStatus,
        state.OpenViolations,
        string.Join(',', state.Phases.Select(p => $"{p.Id}:{p.Status}")),
        string.Join(',', state.CurrentPhases),
        string.Join(',', state.OpenActions.Select(a => $"{a.Id}:{a.Status}")),
        string.Join(',', state.WaitingGates.Select(g => $"{g.ActionId}:{g.DocumentKind}:{string.Join('>', g.RolesToApprove)}")),
        string.Join(',', state.NextDeadlines.Select(d => $"{d.RequirementId}:{d.Ends}")));
}
