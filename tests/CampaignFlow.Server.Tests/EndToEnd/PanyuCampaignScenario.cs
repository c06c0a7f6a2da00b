using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Server.Demo;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlow.Server.Tests.EndToEnd;

/// <summary>
/// 番禺区总工会's whole campaign over HTTP, on whatever store the server runs on: the unit's recorder records
/// its demo log day by day (documents, activities, the principal's reviews), the 区委督导组's reviewer approves
/// through /reviews, the clock moves to each day's end. Along the way: a weekly minimum that opens a violation
/// which a late CSV record resolves, a gate that blocks the democratic life meeting until the supervisor approves,
/// a meeting evaluated badly and held again (re-work), and at the end exactly the violations the demo log's
/// contract lists (definitions/activities/README.md) minus the one the late record resolved.
/// </summary>
public static class PanyuCampaignScenario
{
    private const string Unit = "panyu-ftu";

    public static async Task RunAsync(CampaignServer server)
    {
        var recorder = server.As(TestTokens.RecorderPanyu);
        var reviewer = server.As(TestTokens.ReviewerPanyu);
        var auditor = server.As(TestTokens.Auditor);
        var log = DemoLog.Read(Repository.Path("definitions", "activities", "panyu-ftu-2014.yaml"));
        var recorded = new HashSet<DateOnly>();

        // Before anything is recorded: the campaign runs, no phase is open yet.
        var state = await auditor.GetJsonAsync($"/units/{Unit}/state");
        state.GetProperty("phases").Strings("status").ShouldAllBe(s => s == "pending");

        await RecordDaysAsync(server, recorder, reviewer, log, recorded, through: new DateOnly(2014, 3, 7));
        await server.MoveToEndOfAsync(new DateOnly(2014, 3, 10));
        state = await auditor.GetJsonAsync($"/units/{Unit}/state");
        state.GetProperty("currentPhases").EnumerateArray().Select(p => p.GetString()).ShouldBe(["study"]);

        // Week 10 had 2 hours of concentrated study, not 半天: once the week has closed, a violation is open.
        var weekly = await auditor.GetJsonAsync($"/violations?unit={Unit}&requirement=weekly-study:period-minimum&status=open");
        weekly.GetProperty("total").GetInt32().ShouldBe(1);
        var w10 = weekly.GetProperty("items")[0];
        w10.GetProperty("period").GetString().ShouldBe("2014-W10");
        var w10Id = w10.GetProperty("id").GetString()!;
        w10.GetProperty("messageZh").GetString().ShouldBe("2014年第10周集中学习 2 小时，少于要求的 4 小时（半天）");

        // A late record (a CSV import) of two more hours that week resolves it.
        var late = "key,activity,on,hours,participants\nstudy-2014-w10-second,concentrated-study,2014-03-08,2小时,su-zhibang;chen-huimin\n";
        (await (await recorder.PostAsync($"/units/{Unit}/records", ApiJson.Csv(late))).ReadAsync(HttpStatusCode.Created))
            .GetProperty("inserted").GetInt32().ShouldBe(1);
        await server.TickAsync();
        var resolved = await auditor.GetJsonAsync($"/violations/{Uri.EscapeDataString(w10Id)}");
        resolved.GetProperty("violation").GetProperty("status").GetString().ShouldBe("resolved");
        resolved.GetProperty("history").Strings("kind").ShouldBe(["opened", "resolved"]);
        // The resolved step names the late record and the hours after it, not the two hours the week opened with.
        var opened = resolved.GetProperty("history")[0];
        opened.GetProperty("records").GetArrayLength().ShouldBe(0);
        opened.GetProperty("details").GetProperty("evidence").GetProperty("actual").GetString().ShouldBe("2 h");
        var step = resolved.GetProperty("history")[1];
        step.GetProperty("records").EnumerateArray().Select(r => r.GetString()).ShouldBe(["study-2014-w10-second"]);
        step.GetProperty("details").GetProperty("evidence").GetProperty("actual").GetString().ShouldBe("4 h");
        step.GetProperty("details").GetProperty("evidence").GetProperty("counted").EnumerateArray().Select(r => r.GetString()).ShouldContain("study-2014-w10-second");

        // The democratic life meeting waits at its gate: the meeting plan is written but not yet approved.
        await RecordDaysAsync(server, recorder, reviewer, log, recorded, through: new DateOnly(2014, 5, 5));
        state = await auditor.GetJsonAsync($"/units/{Unit}/state");
        var gate = state.GetProperty("waitingGates").EnumerateArray().Single(g => g.GetProperty("actionId").GetString() == "meeting-plan");
        gate.GetProperty("rolesToApprove").EnumerateArray().Select(r => r.GetString()).ShouldBe(["supervisor"]);
        gate.GetProperty("gates").EnumerateArray().Select(r => r.GetString()).ShouldBe(["democratic-life-meeting"]);
        ActionStatus(state, "democratic-life-meeting").ShouldBe("awaiting-approval");

        // The unit cannot approve its own plan for the supervision group; the group's reviewer can.
        var approval = """{ "key": "meeting-plan-ok", "review": "meeting-plan", "on": "2014-05-09", "by": "supervisor", "decision": "approved" }""";
        var refused = await (await recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(approval))).ReadAsync(HttpStatusCode.Forbidden);
        refused.GetProperty("code").GetString().ShouldBe("review-needs-reviewer");
        await server.MoveToEndOfAsync(new DateOnly(2014, 5, 9));
        await (await reviewer.PostAsync($"/units/{Unit}/reviews", ApiJson.Json(approval))).ReadAsync(HttpStatusCode.Created);
        state = await auditor.GetJsonAsync($"/units/{Unit}/state");
        state.GetProperty("waitingGates").Strings("actionId").ShouldNotContain("meeting-plan");

        // Once its other gate (the principal's review of each member's self-examination) is passed, it is held.
        await RecordDaysAsync(server, recorder, reviewer, log, recorded, through: new DateOnly(2014, 6, 12));
        ActionStatus(await auditor.GetJsonAsync($"/units/{Unit}/state"), "democratic-life-meeting").ShouldBe("awaiting-evaluation");

        // Re-work: 15 of 42 unsatisfied (≥ 1/3) — the meeting must be held again …
        await RecordDaysAsync(server, recorder, reviewer, log, recorded, through: new DateOnly(2014, 6, 18));
        ActionStatus(await auditor.GetJsonAsync($"/units/{Unit}/state"), "democratic-life-meeting").ShouldBe("rework");
        await HeldAgainIsSeenBeforeItsDeadlineAsync(server, auditor, log);
        await RecordDaysAsync(server, recorder, reviewer, log, recorded, through: new DateOnly(2014, 7, 8));
        ActionStatus(await auditor.GetJsonAsync($"/units/{Unit}/state"), "democratic-life-meeting").ShouldBe("awaiting-evaluation");
        // … and once the re-held meeting is evaluated well (1 of 42), the action is done.
        await RecordDaysAsync(server, recorder, reviewer, log, recorded, through: new DateOnly(2014, 7, 11));
        ActionStatus(await auditor.GetJsonAsync($"/units/{Unit}/state"), "democratic-life-meeting").ShouldBeNull();

        await RecordDaysAsync(server, recorder, reviewer, log, recorded, through: DateOnly.MaxValue);
        await server.MoveToEndOfAsync(new DateOnly(2014, 10, 1));

        // The campaign is over: the log's deliberate gaps are open, the week 10 violation stays resolved.
        var open = await auditor.GetJsonAsync($"/violations?unit={Unit}&status=open");
        open.GetProperty("items").Strings("requirementId").Order().ShouldBe(
            ["mutual-talks:coverage", "notification-material:approval-gate", "publish-personal-plans:publication"]);
        var all = await auditor.GetJsonAsync($"/violations?unit={Unit}");
        all.GetProperty("total").GetInt32().ShouldBe(4);
        all.GetProperty("items").Strings("requirementId").ShouldNotContain("democratic-life-meeting:rework");

        // The same, exported for a spreadsheet.
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/violations?unit={Unit}&status=open");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await auditor.SendAsync(csvRequest);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("id,unit,body,plan");
        lines.Length.ShouldBe(4);
        lines.Skip(1).ShouldAllBe(l => l.StartsWith("panyu-ftu/", StringComparison.Ordinal) && l.Contains(",open,"));

        // Recording a day again stores nothing twice.
        var (firstDay, firstRecords) = log.Days[0];
        var again = await (await recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(DemoLog.Text(firstRecords)))).ReadAsync(HttpStatusCode.OK);
        again.GetProperty("inserted").GetInt32().ShouldBe(0);
        again.GetProperty("duplicates").GetInt32().ShouldBe(firstRecords.Count);
        firstDay.ShouldBe(new DateOnly(2014, 2, 14));
    }

    // A failed evaluation is no violation before the re-work's last day, but the unit's state says from the verdict on
    // what must be held again, by when, and which meeting failed.
    private static async Task HeldAgainIsSeenBeforeItsDeadlineAsync(CampaignServer server, HttpClient auditor, DemoLog log)
    {
        var service = server.Services.GetRequiredService<RunningCampaigns>().Service;
        var unit = service.FindUnit(Unit).ShouldNotBeNull();
        var rework = service.FindPlan(unit.PlanId).ShouldNotBeNull().Requirements.OfType<Rework>().Single(r => r.ActionId == "democratic-life-meeting");
        var due = rework.Window.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var failed = log.Days.SelectMany(d => d.Records).OfType<JsonObject>()
            .Single(r => (string?)r["activity"] == rework.Subject.Id && r["replaces"] is null)["key"]!.GetValue<string>();

        var action = (await auditor.GetJsonAsync($"/units/{Unit}/state")).GetProperty("openActions").EnumerateArray().Single(a => a.GetProperty("id").GetString() == rework.ActionId);
        action.GetProperty("due").GetString().ShouldBe(due);
        action.GetProperty("failed").GetString().ShouldBe(failed);
        (await auditor.GetJsonAsync($"/violations?unit={Unit}&requirement={Uri.EscapeDataString(rework.Id)}")).GetProperty("total").GetInt32().ShouldBe(0, $"not before {due}");
    }

    /// <summary>Records the log's days up to <paramref name="through"/> not recorded yet, each at its day's end.</summary>
    private static async Task RecordDaysAsync(CampaignServer server, HttpClient recorder, HttpClient reviewer, DemoLog log, HashSet<DateOnly> recorded, DateOnly through)
    {
        foreach (var (day, records) in log.Days.Where(d => d.Day <= through && !recorded.Contains(d.Day)))
        {
            await server.MoveToEndOfAsync(day);
            // meeting-plan-ok is the scenario's own step: the unit is refused it, the supervision group approves.
            var byRoute = records.Select(r => r!.AsObject())
                .Where(r => r["key"]!.GetValue<string>() != "meeting-plan-ok")
                .GroupBy(Route)
                .OrderBy(g => g.Key.Order);
            foreach (var group in byRoute)
            {
                var client = group.Key.Route == "reviews" ? reviewer : recorder;
                var json = new JsonArray(group.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString();
                var answer = await client.PostAsync($"/units/{Unit}/{group.Key.Route}", ApiJson.Json(json));
                answer.StatusCode.ShouldBe(HttpStatusCode.Created, $"{day}: {await answer.Content.ReadAsStringAsync()}");
            }

            recorded.Add(day);
        }
    }

    // Documents first (reviews and publications of the same day refer to them), then the unit's own records,
    // then the supervision group's reviews, which only its reviewer may submit.
    private static (int Order, string Route) Route(JsonObject record) =>
        record.ContainsKey("document") ? (0, "documents")
        : record.ContainsKey("review") && record["by"]?.GetValue<string>() == "supervisor" ? (2, "reviews")
        : (1, "records");

    private static string? ActionStatus(JsonElement state, string action) =>
        state.GetProperty("openActions").EnumerateArray().FirstOrDefault(a => a.GetProperty("id").GetString() == action) is { ValueKind: JsonValueKind.Object } found
            ? found.GetProperty("status").GetString()
            : null;
}
