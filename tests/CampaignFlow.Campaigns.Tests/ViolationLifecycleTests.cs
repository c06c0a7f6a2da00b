using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>Violations open when a period closes unmet and resolve when a late record meets it, with their history.</summary>
public sealed class ViolationLifecycleTests
{
    [Fact]
    public async Task A_late_record_resolves_a_week_short_of_study_with_history_opened_then_resolved()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        await using var service = await h.StartAsync();
        await Replay.DaysAsync(h, service, "panyu-ftu", DemoLogs.Days("panyu-ftu-2014").Where(d => d.Day <= CampaignHarness.Day("2014-03-09")));
        (await h.OpenAsync(service, "panyu-ftu")).ShouldBeEmpty("W10 is pending until it closes");

        await h.TickToAsync(service, CampaignHarness.Day("2014-03-10"), 1);
        var week = (await h.OpenAsync(service, "panyu-ftu")).ShouldHaveSingleItem();
        (week.ActionId, week.Period, week.Kind, week.PhaseId).ShouldBe(("weekly-study", "2014-W10", "period-minimum", "study"));
        week.MessageZh.ShouldContain("2014年第10周");
        week.MessageEn.ShouldContain("2014-W10");
        week.Details.ShouldContain("study-2014-w10");

        await h.TickToAsync(service, CampaignHarness.Day("2014-03-11"), 10);
        var late = await service.RecordAsync("panyu-ftu",
            """{ "key": "study-2014-w10-make-up", "activity": "concentrated-study", "on": "2014-03-08", "hours": "2小时", "participants": ["su-zhibang"] }""",
            RecordFormat.Json, "secretary");

        late.Resolved.ShouldHaveSingleItem().Id.ShouldBe(week.Id);
        var resolved = (await service.GetViolationAsync(week.Id)).ShouldNotBeNull();
        resolved.Status.ShouldBe(ViolationStatus.Resolved);
        resolved.ResolvedAt.ShouldBe(CampaignHarness.At(CampaignHarness.Day("2014-03-11"), 10));
        (await service.GetViolationHistoryAsync(week.Id)).Select(e => (e.Kind, e.At)).ShouldBe([
            (ViolationEventKind.Opened, CampaignHarness.At(CampaignHarness.Day("2014-03-10"), 1)),
            (ViolationEventKind.Resolved, CampaignHarness.At(CampaignHarness.Day("2014-03-11"), 10)),
        ]);
    }

    [Fact]
    public async Task What_a_recording_reports_as_changed_or_resolved_is_the_row_the_store_holds()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        await using var service = await h.StartAsync();
        await Replay.DaysAsync(h, service, "panyu-ftu", DemoLogs.Days("panyu-ftu-2014").Where(d => d.Day <= CampaignHarness.Day("2014-03-09")));
        await h.TickToAsync(service, CampaignHarness.Day("2014-03-10"), 1);
        var week = (await h.OpenAsync(service, "panyu-ftu")).ShouldHaveSingleItem();

        // One hour more is still short of half a day: the violation changes, and keeps when it opened.
        await h.TickToAsync(service, CampaignHarness.Day("2014-03-11"), 10);
        var more = await service.RecordAsync("panyu-ftu",
            """{ "key": "study-2014-w10-one-more-hour", "activity": "concentrated-study", "on": "2014-03-08", "hours": "1小时", "participants": ["su-zhibang"] }""",
            RecordFormat.Json, "secretary");
        var changed = more.Opened.ShouldHaveSingleItem();
        changed.ShouldBe((await service.GetViolationAsync(week.Id)).ShouldNotBeNull());
        changed.OpenedAt.ShouldBe(CampaignHarness.At(CampaignHarness.Day("2014-03-10"), 1));

        await h.TickToAsync(service, CampaignHarness.Day("2014-03-12"), 10);
        var enough = await service.RecordAsync("panyu-ftu",
            """{ "key": "study-2014-w10-last-hour", "activity": "concentrated-study", "on": "2014-03-08", "hours": "1小时", "participants": ["su-zhibang"] }""",
            RecordFormat.Json, "secretary");
        var resolved = enough.Resolved.ShouldHaveSingleItem();
        resolved.ShouldBe((await service.GetViolationAsync(week.Id)).ShouldNotBeNull());
        (resolved.Status, resolved.OpenedAt, resolved.ResolvedAt).ShouldBe(
            (ViolationStatus.Resolved, CampaignHarness.At(CampaignHarness.Day("2014-03-10"), 1), CampaignHarness.At(CampaignHarness.Day("2014-03-12"), 10)));
    }

    [Fact]
    public async Task A_meeting_not_re_held_by_the_close_of_its_phase_is_a_re_work_violation_until_the_re_held_meeting_is_recorded()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-01"));
        await using var service = await h.StartAsync();
        var skipped = new[] { "dlm-again", "notification-again", "dlm-again-evaluation" };
        var records = DemoLogs.Records("panyu-ftu-2014");
        var days = records.Where(r => !skipped.Contains(r.Key) && r.Day < CampaignHarness.Day("2014-08-01"))
            .GroupBy(r => r.Day).OrderBy(g => g.Key).Select(g => (g.Key, DemoLogs.Array(g.Select(r => r.Json))));
        await Replay.DaysAsync(h, service, "panyu-ftu", days);

        await h.TickToAsync(service, CampaignHarness.Day("2014-08-01"), 9);
        var rework = (await h.OpenAsync(service, "panyu-ftu")).Where(v => v.Kind == "rework").ShouldHaveSingleItem();
        rework.ActionId.ShouldBe("democratic-life-meeting");
        rework.MessageEn.ShouldContain("unsatisfied 15/42");

        var late = await service.RecordAsync("panyu-ftu", DemoLogs.Array(records.Where(r => skipped.Contains(r.Key)).Select(r => r.Json)), RecordFormat.Json, "secretary");

        late.Resolved.ShouldContain(v => v.Id == rework.Id);
        (await service.GetViolationHistoryAsync(rework.Id)).Select(e => e.Kind).ShouldBe([ViolationEventKind.Opened, ViolationEventKind.Resolved]);
    }
}
