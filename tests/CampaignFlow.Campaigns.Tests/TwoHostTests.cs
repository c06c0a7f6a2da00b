using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>Two services on one set of stores, as two hosts on one database: each sees what the other recorded.</summary>
public sealed class TwoHostTests
{
    private const string StudyOnWednesday = """{ "key": "study-2014-w10-a", "activity": "concentrated-study", "on": "2014-03-05", "hours": "2小时", "participants": ["su-zhibang"] }""";
    private const string StudyOnFriday = """{ "key": "study-2014-w10-b", "activity": "concentrated-study", "on": "2014-03-07", "hours": "2小时", "participants": ["su-zhibang"] }""";

    [Fact]
    public async Task A_host_with_a_cached_session_counts_what_another_host_recorded_PY_05()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-03"));
        await using var hostA = await h.StartAsync();
        await using var hostB = await h.StartAsync();

        // Host B records first, so it holds 番禺's session when host A records the other half of week 10's half day.
        (await hostB.RecordAsync("panyu-ftu", StudyOnFriday, RecordFormat.Json, "secretary")).HasErrors.ShouldBeFalse();
        (await hostA.RecordAsync("panyu-ftu", StudyOnWednesday, RecordFormat.Json, "secretary")).HasErrors.ShouldBeFalse();
        hostB.SessionsInMemory.ShouldBe(1);

        // Host B closes week 10: 2 h + 2 h is the half day, so no violation.
        await h.TickToAsync(hostB, CampaignHarness.Day("2014-03-10"), 1);
        (await h.OpenAsync(hostB, "panyu-ftu")).ShouldNotContain(v => v.Period == "2014-W10");
        await h.TickToAsync(hostA, CampaignHarness.Day("2014-03-10"), 2);
        (await h.OpenAsync(hostA, "panyu-ftu")).ShouldNotContain(v => v.Period == "2014-W10");
    }

    [Fact]
    public async Task A_batch_that_conflicts_with_another_hosts_record_stores_nothing()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-03"));
        await using var hostA = await h.StartAsync();
        await using var hostB = await h.StartAsync();
        await hostA.RecordAsync("panyu-ftu", StudyOnWednesday, RecordFormat.Json, "secretary");

        var changed = StudyOnWednesday.Replace("2小时", "3小时", StringComparison.Ordinal);
        var batch = await hostB.RecordAsync("panyu-ftu", $"[{StudyOnFriday}, {changed}]", RecordFormat.Json, "office");

        batch.HasConflicts.ShouldBeTrue();
        batch.Records.Select(r => r.Outcome).ShouldBe([AppendOutcome.Withheld, AppendOutcome.Conflict]);
        (await h.Stores.Records.GetAsync("panyu-ftu", "study-2014-w10-b")).ShouldBeNull();
        (await h.Stores.Records.CountUnitAsync("panyu-ftu")).ShouldBe(1);
    }
}
