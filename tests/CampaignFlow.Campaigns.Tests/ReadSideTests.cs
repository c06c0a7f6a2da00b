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
}
