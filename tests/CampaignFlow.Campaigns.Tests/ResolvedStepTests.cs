using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A stored violation's history explains itself (issue 17, item 4): the resolved step names the record that resolved
/// it and the hours after it, on 番禺区总工会's plan of definitions/ with nothing recorded in week 10.
/// </summary>
public sealed class ResolvedStepTests
{
    [Fact]
    public async Task The_resolved_step_names_the_late_record_and_the_hours_after_it()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-03-01"));
        await using var service = await h.StartAsync();
        await h.TickToAsync(service, CampaignHarness.Day("2014-03-21"));
        var open = (await h.OpenAsync(service, "panyu-ftu")).Single(v => v.RequirementId == "weekly-study:period-minimum" && v.Period == "2014-W10");

        var result = await service.RecordAsync("panyu-ftu", "- { key: study-2014-w10, activity: concentrated-study, on: 2014-03-07, hours: 半天, participants: [su-zhibang, chen-huimin] }", RecordFormat.Yaml, "secretary");
        result.Diagnostics.ShouldBeEmpty();

        var history = await service.GetViolationHistoryAsync(open.Id);
        history.Select(e => e.Kind).ShouldBe([ViolationEventKind.Opened, ViolationEventKind.Resolved]);
        using var opened = JsonDocument.Parse(history[0].Details);
        opened.RootElement.GetProperty("evidence").GetProperty("actual").GetString().ShouldBe("0 h");
        using var resolved = JsonDocument.Parse(history[1].Details);
        resolved.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetString()).ShouldBe(["study-2014-w10"]);
        var after = resolved.RootElement.GetProperty("evidence");
        after.GetProperty("actual").GetString().ShouldBe("4 h");
        after.GetProperty("required").GetString().ShouldBe("4 h");
        after.GetProperty("counted").EnumerateArray().Select(c => c.GetString()).ShouldBe(["study-2014-w10"]);

        var row = (await service.GetViolationAsync(open.Id))!;
        row.Status.ShouldBe(ViolationStatus.Resolved);
        row.Details.ShouldBe(open.Details, "the row keeps the violation as it stood; the step says what came after");
    }
}
