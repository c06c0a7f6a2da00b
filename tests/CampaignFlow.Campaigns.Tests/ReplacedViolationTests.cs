using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// A verdict whose id changes (issue 18): 绵阳's 四风 list written before 学习教育 began is a phase-order violation naming
/// the list; a draft dated earlier, entered after the window closed, is now the first record and the violation names
/// it. The store holds one open violation of the requirement, the draft's, and the list's is resolved by the draft.
/// </summary>
public sealed class ReplacedViolationTests
{
    private const string Requirement = "four-winds-list:phase-order";

    [Fact]
    public async Task An_open_violation_whose_id_the_verdicts_no_longer_name_is_resolved_in_the_store()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-09-22"));
        await using var service = await h.StartAsync();
        await h.TickToAsync(service, CampaignHarness.Day("2014-09-22"), 9);
        var log = DemoLogs.Records("mianyang-ftu-2014").ToDictionary(r => r.Key, r => r.Json);
        var list = Changed(log["four-winds-list"], "four-winds-list", "2014-02-28");
        var draft = Changed(log["four-winds-list"], "four-winds-list-draft", "2014-02-26");

        await WorkflowTests.RecordAsync(service, "mianyang-ftu", log["mobilization"], list);
        var before = (await h.OpenAsync(service, "mianyang-ftu")).Single(v => v.RequirementId == Requirement);
        before.Id.ShouldEndWith("/four-winds-list");

        await WorkflowTests.RecordAsync(service, "mianyang-ftu", draft);

        var open = (await h.OpenAsync(service, "mianyang-ftu")).Where(v => v.RequirementId == Requirement).ShouldHaveSingleItem();
        open.Id.ShouldEndWith("/four-winds-list-draft");
        (await service.GetViolationAsync(before.Id))!.Status.ShouldBe(ViolationStatus.Resolved);
        var history = await service.GetViolationHistoryAsync(before.Id);
        history.Select(e => e.Kind).ShouldBe([ViolationEventKind.Opened, ViolationEventKind.Resolved]);
        using var resolved = JsonDocument.Parse(history[1].Details);
        resolved.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetString()).ShouldBe(["four-winds-list-draft"]);

        // A host started again over the same store finds the same: the replaced violation stays resolved.
        await service.DisposeAsync();
        await using var again = await h.StartAsync();
        await h.TickToAsync(again, CampaignHarness.Day("2014-09-23"));
        (await h.OpenAsync(again, "mianyang-ftu")).Where(v => v.RequirementId == Requirement).Select(v => v.Id).ShouldBe([open.Id]);
    }

    [Fact]
    public async Task A_replaced_violation_a_store_still_holds_open_is_resolved_when_the_units_session_is_rebuilt()
    {
        // As a store written before replaced verdicts were resolved holds it: the list's violation open beside the draft's.
        var h = new CampaignHarness(CampaignHarness.Day("2014-09-22"));
        var log = DemoLogs.Records("mianyang-ftu-2014").ToDictionary(r => r.Key, r => r.Json);
        StoredViolation before;
        await using (var service = await h.StartAsync())
        {
            await h.TickToAsync(service, CampaignHarness.Day("2014-09-22"), 9);
            await WorkflowTests.RecordAsync(service, "mianyang-ftu", log["mobilization"], Changed(log["four-winds-list"], "four-winds-list", "2014-02-28"));
            before = (await h.OpenAsync(service, "mianyang-ftu")).Single(v => v.RequirementId == Requirement);
            await WorkflowTests.RecordAsync(service, "mianyang-ftu", Changed(log["four-winds-list"], "four-winds-list-draft", "2014-02-26"));
        }

        await h.Stores.Violations.ApplyAsync([new ViolationUpdate(true, CampaignHarness.At(CampaignHarness.Day("2014-09-22"), 10), before)]);
        (await h.Stores.Violations.GetAsync(before.Id))!.Status.ShouldBe(ViolationStatus.Open);

        await using var again = await h.StartAsync();
        await h.TickToAsync(again, CampaignHarness.Day("2014-09-23"));
        await WorkflowTests.RecordAsync(again, "mianyang-ftu", log["trip-zhang"]);

        (await h.OpenAsync(again, "mianyang-ftu")).Where(v => v.RequirementId == Requirement).Select(v => v.Id).ShouldBe([before.Id + "-draft"]);
        (await h.Stores.Violations.GetAsync(before.Id))!.Status.ShouldBe(ViolationStatus.Resolved);
    }

    private static string Changed(string json, string key, string on)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        record["key"] = key;
        record["on"] = on;
        return record.ToJsonString();
    }
}
