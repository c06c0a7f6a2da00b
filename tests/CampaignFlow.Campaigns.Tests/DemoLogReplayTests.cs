using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// Each seed unit's demo log recorded day by day through the service, as JSON, with time moving on between days, ends
/// with exactly the violations definitions/activities/README.md lists.
/// </summary>
public sealed class DemoLogReplayTests
{
    public static TheoryData<string, int> Expected => new()
    {
        { "panyu-ftu-2014", 4 },
        { "mianyang-ftu-2014", 5 },
        { "anhui-organs-2013", 3 },
        { "guangxi-ftu-2013", 4 },
        { "weidu-xiguan-street-2014", 3 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Replaying_a_demo_log_day_by_day_and_ticking_to_october_2014_yields_the_readme_violations(string plan, int violations)
    {
        var h = new CampaignHarness(new DateOnly(int.Parse(plan[^4..], System.Globalization.CultureInfo.InvariantCulture), 1, 1));
        await using var service = await h.StartAsync();
        var unit = service.Units.Single(u => u.PlanId == plan).Id;

        await Replay.DaysAsync(h, service, unit, DemoLogs.Days(plan));
        await h.TickToAsync(service, CampaignHarness.Day("2014-10-01"));

        var open = await h.OpenAsync(service, unit);
        open.Count.ShouldBe(violations, string.Join("\n", open.Select(v => v.Id + ": " + v.MessageEn)));
        open.ShouldAllBe(v => v.MessageZh.Length > 0 && v.MessageEn.Length > 0 && v.Details.StartsWith('{'));
        (await h.Stores.Records.CountUnitAsync(unit)).ShouldBe(DemoLogs.Records(plan).Count);
        (await service.GetStateAsync(unit, CancellationToken.None))!.OpenViolations.ShouldBe(violations);
    }

    [Fact]
    public async Task The_soft_warning_of_xiguan_is_closed_by_its_exception_and_so_never_open_at_the_end()
    {
        var h = new CampaignHarness(new DateOnly(2014, 1, 1));
        await using var service = await h.StartAsync();

        await Replay.DaysAsync(h, service, "weidu-xiguan-street", DemoLogs.Days("weidu-xiguan-street-2014"));
        await h.TickToAsync(service, CampaignHarness.Day("2014-10-01"));

        var all = await service.QueryViolationsAsync(new ViolationQuery { Units = ["weidu-xiguan-street"], Limit = 100 }, CancellationToken.None);
        all.Items.Where(v => v.Status == ViolationStatus.Open).ShouldAllBe(v => v.Severity == "required");
        all.Items.Select(v => v.Body).Distinct().ShouldBe(["weidu-district"]);
    }
}
