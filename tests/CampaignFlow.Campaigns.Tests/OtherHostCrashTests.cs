using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// Two hosts share the stores; one dies after its records commit. The host still running finishes that work by itself
/// within two reconcile intervals (the first pass only notes a unit that may be in flight elsewhere), and a third pass
/// changes nothing: reconciling again adds no history.
/// </summary>
public sealed class OtherHostCrashTests
{
    private const string Unit = "panyu-ftu";
    private static readonly DateOnly Today = CampaignHarness.Day("2014-04-01");

    [Fact]
    public async Task The_surviving_host_brings_the_dead_hosts_unit_up_to_date_and_a_further_pass_adds_no_history()
    {
        var h = new CampaignHarness(Today);
        var options = new CampaignOptions { DefinitionsPath = h.Definitions, Clock = h.Clock, HostId = "survivor", ReconcileInterval = TimeSpan.FromMinutes(1) };
        await using var survivor = await CampaignService.StartAsync(h.Stores, options, NullLogger<CampaignService>.Instance);
        await h.TickToAsync(survivor, Today, 9);
        var dying = await CampaignService.StartAsync(h.Stores with { Records = new KilledAfterCommit(h.Stores.Records) },
            options with { HostId = "dying" }, NullLogger<CampaignService>.Instance);
        var march = DemoLogs.Array(DemoLogs.Records("panyu-ftu-2014").Where(r => r.Day < Today).Select(r => r.Json));
        var before = await OpenIdsAsync(survivor);

        await Should.ThrowAsync<HostKilledException>(() => dying.RecordAsync(Unit, march, RecordFormat.Json, "secretary"));
        await dying.DisposeAsync();

        await h.TickToAsync(survivor, Today, 10);
        (await OpenIdsAsync(survivor)).ShouldBe(before, "one pass only notes the unit: the other host might still be at work on it");
        await h.TickToAsync(survivor, Today, 11);
        var after = await OpenIdsAsync(survivor);
        after.ShouldNotBe(before);
        after.ShouldNotContain($"{Unit}/panyu-ftu-2014@1/weekly-study:period-minimum/2014-W11", "week 11's study was recorded");
        after.ShouldContain($"{Unit}/panyu-ftu-2014@1/weekly-study:period-minimum/2014-W10", "week 10's was 2 hours, not 半天");
        var history = await HistoryAsync(survivor);

        await h.TickToAsync(survivor, Today, 12);
        await h.TickToAsync(survivor, Today, 13);

        (await OpenIdsAsync(survivor)).ShouldBe(after);
        (await HistoryAsync(survivor)).ShouldBe(history);
    }

    private static async Task<IReadOnlyList<string>> OpenIdsAsync(CampaignService service) =>
        (await service.QueryViolationsAsync(new ViolationQuery { Units = [Unit], Status = ViolationStatus.Open, Limit = 1000 })).Items.Select(v => v.Id).ToArray();

    private static async Task<int> HistoryAsync(CampaignService service)
    {
        var all = (await service.QueryViolationsAsync(new ViolationQuery { Units = [Unit], Limit = 1000 })).Items;
        var steps = 0;
        foreach (var violation in all)
        {
            steps += (await service.GetViolationHistoryAsync(violation.Id)).Count;
        }

        return steps;
    }
}
