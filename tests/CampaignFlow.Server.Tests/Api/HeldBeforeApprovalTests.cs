using System.Net;
using System.Text.Json.Nodes;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Server.Demo;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// 番禺区总工会's 专题民主生活会 is held once its 方案 is approved by the supervision group (PY-24's gate before the
/// meeting). A meeting recorded while the plan still waits is stored — the seed logs keep such meetings, and the gate's
/// violation is how auditors see them (ADR 0027) — and the answer warns at once, in the reader's language, naming the
/// record and what it waits for; a record nothing holds back is stored without a word.
/// </summary>
public sealed class HeldBeforeApprovalTests : IDisposable
{
    private const string Unit = "panyu-ftu";
    private readonly CampaignServer _server;
    private readonly ApprovalGate _gate;
    private readonly JsonObject[] _log;
    private readonly string _approver;

    public HeldBeforeApprovalTests()
    {
        var log = DemoLog.Read(Repository.Path("definitions", "activities", "panyu-ftu-2014.yaml"));
        _log = log.Days.SelectMany(d => d.Records).OfType<JsonObject>().ToArray();
        // The day the seed log holds the meeting: its plan was written weeks before, the approval not recorded here.
        var meeting = First("activity", "democratic-life-meeting");
        _server = new CampaignServer(start: DateOnly.Parse((string)meeting["on"]!, System.Globalization.CultureInfo.InvariantCulture));
        var service = _server.Services.GetRequiredService<RunningCampaigns>().Service;
        var plan = service.FindPlan(service.FindUnit(Unit).ShouldNotBeNull().PlanId).ShouldNotBeNull();
        _gate = plan.Requirements.OfType<ApprovalGate>().First(g => g.Gates.Contains("democratic-life-meeting") && g.Chain.Contains("supervisor"));
        _approver = plan.Vocabulary.TitleOf("supervisor").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_meeting_recorded_before_its_plan_is_approved_is_stored_with_a_warning_in_each_language()
    {
        var recorder = _server.As(TestTokens.RecorderPanyu, "zh");
        await (await recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(DemoLog.Text([First("document", _gate.Subject.Id).DeepClone()])))).ReadAsync(HttpStatusCode.Created);
        await _server.TickAsync();

        var meeting = First("activity", "democratic-life-meeting");
        var answer = await (await recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(DemoLog.Text([meeting.DeepClone()])))).ReadAsync(HttpStatusCode.Created);

        answer.GetProperty("inserted").GetInt32().ShouldBe(1, "a meeting held is a fact: stored, then judged");
        var warning = answer.GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("message").GetString()!.Contains("专题民主生活会方案", StringComparison.Ordinal)).ShouldHaveSingleItem();
        warning.GetProperty("key").GetString().ShouldBe((string)meeting["key"]!);
        warning.GetProperty("code").GetString().ShouldBe("held-before-approval");
        warning.GetProperty("message").GetString()!.ShouldContain($"尚未经{_approver}审核通过");
        warning.GetProperty("message").GetString()!.ShouldContain("2014年6月12日");

        var english = _server.As(TestTokens.RecorderPanyu);
        var again = await (await english.PostAsync($"/units/{Unit}/records", ApiJson.Json(DemoLog.Text([First("activity", "concentrated-study").DeepClone()])))).ReadAsync(HttpStatusCode.Created);
        again.GetProperty("warnings").GetArrayLength().ShouldBe(0, "nothing holds a study session back");
    }

    [Fact]
    public async Task Once_the_plan_is_approved_the_meeting_is_recorded_without_a_warning()
    {
        var recorder = _server.As(TestTokens.RecorderPanyu);
        await (await recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(DemoLog.Text([First("document", _gate.Subject.Id).DeepClone()])))).ReadAsync(HttpStatusCode.Created);
        var approval = _log.First(r => (string?)r["review"] == _gate.Subject.Id && (string?)r["by"] == "supervisor");
        await (await _server.As(TestTokens.ReviewerPanyu).PostAsync($"/units/{Unit}/reviews", ApiJson.Json(DemoLog.Text([approval.DeepClone()])))).ReadAsync(HttpStatusCode.Created);
        await _server.TickAsync();

        var answer = await (await recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(DemoLog.Text([First("activity", "democratic-life-meeting").DeepClone()])))).ReadAsync(HttpStatusCode.Created);

        answer.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("message").GetString()).ShouldNotContain(m => m!.Contains("专题民主生活会方案", StringComparison.Ordinal));
        answer.GetProperty("inserted").GetInt32().ShouldBe(1);
    }

    public void Dispose() => _server.Dispose();

    private JsonObject First(string field, string kind) => _log.First(r => (string?)r[field] == kind);
}
