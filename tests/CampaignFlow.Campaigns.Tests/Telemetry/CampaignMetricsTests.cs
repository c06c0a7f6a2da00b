using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests.Telemetry;

/// <summary>The service's meters say what happened: records in, recordings by result, violations opened and resolved, timers, rebuilt sessions.</summary>
public sealed class CampaignMetricsTests
{
    [Fact]
    public async Task A_replayed_demo_log_is_counted_as_the_store_holds_it()
    {
        using var meters = new MeterCapture();
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        await using var service = await h.StartAsync(meters: meters);
        // The records from week 11 on arrive late: weeks 11 to 16 close without their study first (PY-05).
        var days = DemoLogs.Days("panyu-ftu-2014").ToArray();
        var late = CampaignHarness.Day("2014-03-10");
        await Replay.DaysAsync(h, service, "panyu-ftu", days.Where(d => d.Day < late));
        await h.TickToAsync(service, CampaignHarness.Day("2014-04-21"));
        await Replay.DaysAsync(h, service, "panyu-ftu", days.Where(d => d.Day >= late));
        await h.TickToAsync(service, CampaignHarness.Day("2014-10-01"));

        var stored = await service.ReadRecordsAsync("panyu-ftu") ?? [];
        meters.Sum("campaignflow.records.stored", "outcome=inserted").ShouldBe(stored.Count);
        meters.Sum("campaignflow.recordings", "result=stored").ShouldBe(days.Length);
        meters.Count("campaignflow.recording.duration").ShouldBe(days.Length);
        meters.Count("campaignflow.store.duration", "operation=records.append").ShouldBe(days.Length);

        // Every violation open now was opened once more than it resolved; the late records resolved some.
        var open = (await service.QueryViolationsAsync(new ViolationQuery { Status = ViolationStatus.Open, Limit = 0 })).Total;
        open.ShouldBeGreaterThan(0);
        (meters.Sum("campaignflow.violations.opened") - meters.Sum("campaignflow.violations.resolved")).ShouldBe(open);
        meters.Sum("campaignflow.violations.resolved").ShouldBeGreaterThan(0);

        // The months passed fired the period boundaries of every unit.
        meters.Sum("campaignflow.timers.fired").ShouldBeGreaterThan(0);
        meters.Count("campaignflow.tick.duration").ShouldBeGreaterThan(days.Length);

        meters.Observe();
        meters.Sum("campaignflow.units.running").ShouldBe(service.Units.Count);
    }

    [Fact]
    public async Task Refused_invalid_and_conflicting_recordings_are_counted_by_result_and_store_nothing()
    {
        using var meters = new MeterCapture();
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"));
        await using var service = await h.StartAsync(meters: meters);
        var (day, json) = DemoLogs.Days("panyu-ftu-2014").First();
        await Replay.DaysAsync(h, service, "panyu-ftu", [(day, json)]);
        var inserted = meters.Sum("campaignflow.records.stored", "outcome=inserted");

        await service.RecordAsync("panyu-ftu", json, RecordFormat.Json, "secretary");
        meters.Sum("campaignflow.records.stored", "outcome=duplicate").ShouldBe(inserted);

        (await service.RecordAsync("panyu-ftu", "[{\"kind\": \"no-such-kind\"}]", RecordFormat.Json, "secretary")).HasErrors.ShouldBeTrue();
        meters.Sum("campaignflow.recordings", "result=invalid").ShouldBe(1);

        (await service.RecordAsync("panyu-ftu", json, RecordFormat.Json, "secretary", (_, _) => new RecordRefusal("not-yours", [], true))).Refusal.ShouldNotBeNull();
        meters.Sum("campaignflow.recordings", "result=refused").ShouldBe(1);
        meters.Sum("campaignflow.records.stored", "outcome=inserted").ShouldBe(inserted);
    }

    [Fact]
    public async Task A_disposed_service_reports_no_gauges_though_its_meter_lives_on()
    {
        using var meters = new MeterCapture();
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"));
        var service = await h.StartAsync(meters: meters);
        meters.Observe();
        var observed = meters.Count("campaignflow.units.running");
        observed.ShouldBe(1);

        await service.DisposeAsync();
        meters.Observe();

        meters.Count("campaignflow.units.running").ShouldBe(observed);
    }

    [Fact]
    public async Task A_session_rebuilt_after_eviction_is_counted()
    {
        using var meters = new MeterCapture();
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"));
        await using var service = await h.StartAsync(maxSessions: 1, meters: meters);
        var before = meters.Sum("campaignflow.sessions.rebuilt");

        foreach (var (unit, plan) in new[] { ("panyu-ftu", "panyu-ftu-2014"), ("mianyang-ftu", "mianyang-ftu-2014"), ("panyu-ftu", "panyu-ftu-2014") })
        {
            var (_, json) = DemoLogs.Days(plan).First();
            (await service.RecordAsync(unit, json, RecordFormat.Json, "secretary")).HasErrors.ShouldBeFalse();
        }

        // One session in memory: 绵阳 after 番禺, then 番禺 after 绵阳, each rebuilt from the store.
        meters.Sum("campaignflow.sessions.rebuilt").ShouldBeGreaterThanOrEqualTo(before + 2);
        meters.Observe();
        meters.Sum("campaignflow.sessions.in_memory").ShouldBe(1);
    }
}
