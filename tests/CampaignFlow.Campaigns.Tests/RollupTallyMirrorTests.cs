using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// The roll-ups hold the open violations' tallies in memory (docs/adr/0017): a host's own writes show in its next
/// roll-up; on stores several hosts write, another host's show after this host's next tick.
/// </summary>
public sealed class RollupTallyMirrorTests
{
    private static readonly DateOnly Week10Closed = CampaignHarness.Day("2014-03-10");

    [Fact]
    public async Task A_roll_up_read_before_a_period_closes_counts_the_violations_its_close_opened()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-03"));
        await using var service = await h.StartAsync();
        var body = service.Rollups.FindBody("panyu-ftu")!;
        var before = await service.Rollups.GetOverviewAsync(body, new ComplianceFilter { At = Week10Closed });
        (await service.Rollups.GetOpenHistoryAsync(body, null, null)).ShouldBeEmpty();

        await h.TickToAsync(service, Week10Closed, 1);

        var open = await h.OpenAsync(service, "panyu-ftu");
        open.ShouldNotBeEmpty("week 10 closed with nothing recorded");
        before.Compliance.Totals.OpenViolations.ShouldBe(0);
        var after = await service.Rollups.GetOverviewAsync(body, new ComplianceFilter { At = Week10Closed });
        after.Compliance.Totals.OpenViolations.ShouldBe(open.Count);
        after.Behind.Single().OpenViolations.ShouldBe(open.Count);
        (await service.CountOpenViolationsAsync(["panyu-ftu"]))["panyu-ftu"].ShouldBe(open.Count);
        (await service.Rollups.GetOpenHistoryAsync(body, null, null))[^1].Open.ShouldBe(open.Count);
    }

    [Fact]
    public async Task On_shared_stores_another_hosts_violations_show_after_this_hosts_next_tick()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-03"));
        var shared = h.Stores with { SharedByHosts = true };
        await using var writer = await StartAsync(h, shared);
        await using var reader = await StartAsync(h, shared);
        var body = reader.Rollups.FindBody("panyu-ftu")!;
        var filter = new ComplianceFilter { At = Week10Closed };
        (await reader.Rollups.GetComplianceAsync(body, filter)).Totals.OpenViolations.ShouldBe(0);
        (await reader.Rollups.GetOpenHistoryAsync(body, null, null)).ShouldBeEmpty();

        await h.TickToAsync(writer, Week10Closed, 1);
        var open = await h.OpenAsync(writer, "panyu-ftu");
        open.ShouldNotBeEmpty();
        (await reader.Rollups.GetComplianceAsync(body, filter)).Totals.OpenViolations.ShouldBe(0, "the reader has not read the store again yet");

        await reader.TickAsync(CancellationToken.None);

        (await reader.Rollups.GetComplianceAsync(body, filter)).Totals.OpenViolations.ShouldBe(open.Count);
        (await reader.Rollups.RankBehindAsync(body.Units, Week10Closed)).Single().OpenViolations.ShouldBe(open.Count);
        (await reader.Rollups.GetOpenHistoryAsync(body, null, null))[^1].Open.ShouldBe(open.Count, "the open count per day is read again too");
    }

    private static Task<CampaignService> StartAsync(CampaignHarness h, CampaignStores stores) =>
        CampaignService.StartAsync(stores, new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "test", TallyRefreshInterval = TimeSpan.Zero },
            NullLogger<CampaignService>.Instance, CancellationToken.None);
}
