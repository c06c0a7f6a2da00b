using CampaignFlow.Campaigns.Service;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Campaigns.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task The_seed_units_start_and_a_whole_demo_log_can_be_recorded()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        await using var service = await h.StartAsync();
        service.LoadProblems.ShouldBeEmpty();
        service.Units.Select(u => u.Id).ShouldBe(["anhui-organs", "guangxi-ftu", "mianyang-ftu", "panyu-ftu", "weidu-xiguan-street"]);
        var text = await File.ReadAllTextAsync(Repository.Path("definitions", "activities", "panyu-ftu-2014.yaml"));
        var result = await service.RecordAsync("panyu-ftu", text, RecordFormat.Yaml, "test", CancellationToken.None);
        result.Diagnostics.ShouldBeEmpty();
        result.Records.Count.ShouldBe(107);
        await h.TickToAsync(service, CampaignHarness.Day("2014-10-01"));
        (await h.OpenAsync(service, "panyu-ftu")).Count.ShouldBe(4);
    }
}
