using System.Net;
using System.Text;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary>
/// 西关街道's plan (weidu-xiguan-street-2014) raised to version 2 through the API: written as a draft by the street's
/// campaign office, submitted, returned with comments by 区委第三督导组, revised and resubmitted, approved by 魏都区委's
/// campaign office and published; each wrong step refused with the catalogue's message in Chinese and English; every
/// step in the plan's history; and after a restart the street still runs version 1. Shared by the SQLite and
/// PostgreSQL tests.
/// </summary>
public static class PlanLifecycleScenario
{
    public const string Plan = "weidu-xiguan-street-2014";
    private const string Version = "/plans/weidu-xiguan-street-2014/versions/2";

    /// <summary>The seed plan as version 2, its title revised.</summary>
    public static string VersionTwo(string title = "（修订）") =>
        File.ReadAllText(Repository.Path("definitions", Plan + ".yaml"), Encoding.UTF8)
            .Replace("\ntitle: 西关街道党工委深入开展党的群众路线教育实践活动实施方案", "\nversion: 2\ntitle: 西关街道党工委深入开展党的群众路线教育实践活动实施方案" + title, StringComparison.Ordinal);

    public static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    public static async Task RunAsync(Func<CampaignServer> start)
    {
        using (var server = start())
        {
            await ThroughItsLifeAsync(server);
        }

        // Restarted on the same store: version 2 is published, the running street stays on version 1.
        using var again = start();
        again.Campaigns.Service.LoadProblems.ShouldBeEmpty("the published version 2 is resolved from its stored files");
        again.Campaigns.Service.FindUnit("weidu-xiguan-street")!.PlanVersion.ShouldBe(1);
        var state = await again.As(TestTokens.RecorderXiguan).GetJsonAsync("/units/weidu-xiguan-street/state");
        state.GetProperty("unit").GetProperty("planVersion").GetInt32().ShouldBe(1);
        (await again.As(TestTokens.RecorderXiguan).GetJsonAsync(Version)).GetProperty("state").GetString().ShouldBe("published");
        (await again.Campaigns.Stores.Plans.GetAsync(Plan, 1)).ShouldNotBeNull("the version the street runs stays readable");
    }

    private static async Task ThroughItsLifeAsync(CampaignServer server)
    {
        var author = server.As(TestTokens.RecorderXiguan);
        var office = server.As(TestTokens.RecorderWeidu);
        var group = server.As(TestTokens.ReviewerWeiduGroup3);

        // A plan with an error is no draft: 422 with the finding at its line and column.
        var broken = await (await author.PostAsync($"/plans/drafts?file={Plan}.yaml", Yaml(VersionTwo().Replace("supervisor:", "supervisr:", StringComparison.Ordinal))))
            .ReadAsync(HttpStatusCode.UnprocessableEntity);
        broken.GetProperty("code").GetString().ShouldBe("plan-draft-invalid");
        var finding = broken.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "unknown-key");
        finding.GetProperty("line").GetInt32().ShouldBe(11);

        // Only the unit's own campaign office writes its plan.
        await RefusedAsync(await office.PostAsync($"/plans/drafts?file={Plan}.yaml", Yaml(VersionTwo())), HttpStatusCode.Forbidden, "plan-author-only");

        var created = await (await author.PostAsync($"/plans/drafts?file={Plan}.yaml", Yaml(VersionTwo()))).ReadAsync(HttpStatusCode.Created);
        created.GetProperty("state").GetString().ShouldBe("draft");
        created.GetProperty("unit").GetString().ShouldBe("weidu-xiguan-street");
        // With the holidays file the district names: without it the stored version could not be resolved at the next start.
        created.GetProperty("files").EnumerateArray().Select(f => f.GetString())
            .ShouldBe([$"{Plan}.yaml", "weidu-xiguan-street.roster.yaml", "weidu-district-2014.yaml", "calendar/china.holidays.yaml"]);

        // Approving a draft not submitted; publishing one not approved.
        var early = await RefusedAsync(await office.PostAsync(Version + "/approve", null), HttpStatusCode.Conflict, "plan-draft-not-submitted");
        early.GetProperty("messageZh").GetString().ShouldBe("方案“weidu-xiguan-street-2014”第 2 版尚未报送，不能批准或退回");
        early.GetProperty("messageEn").GetString().ShouldBe("plan 'weidu-xiguan-street-2014' version 2 has not been submitted, so it cannot be approved or returned");
        await RefusedAsync(await author.PostAsync(Version + "/publish", null), HttpStatusCode.Conflict, "plan-draft-not-approved");

        (await (await author.PostAsync(Version + "/submit", null)).ReadAsync(HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("submitted");

        // The wrong role, the unit itself, a foreign body's office and another supervision group may not approve.
        await RefusedAsync(await server.As(TestTokens.AuditorWeidu).PostAsync(Version + "/approve", null), HttpStatusCode.Forbidden, "plan-approver-not-above");
        await RefusedAsync(await author.PostAsync(Version + "/approve", null), HttpStatusCode.Forbidden, "plan-approver-not-above");
        var foreign = await RefusedAsync(await server.As(TestTokens.RecorderMianyang, "zh-CN").PostAsync(Version + "/approve", null), HttpStatusCode.Forbidden, "plan-approver-not-above");
        foreign.GetProperty("detail").GetString().ShouldBe("您的令牌（t-recorder-mianyang）无权批准或退回方案“weidu-xiguan-street-2014”第 2 版：应由单位“weidu-xiguan-street”的上级（“weidu-district”）的活动办公室或其派出的督导组审批");
        foreign.GetProperty("messageEn").GetString()!.ShouldContain("that is for the body above unit 'weidu-xiguan-street' ('weidu-district')");
        await RefusedAsync(await server.As(TestTokens.ReviewerWeiduGroup1).PostAsync(Version + "/return", ApiJson.Json("""{"comment":"不同意"}""")), HttpStatusCode.Forbidden, "plan-approver-not-above");

        // Returned: comments are required; the supervision group gives them.
        await RefusedAsync(await group.PostAsync(Version + "/return", null), HttpStatusCode.BadRequest, "plan-return-needs-comment");
        await RefusedAsync(await group.PostAsync(Version + "/return", ApiJson.Json("""{"comment": """)), HttpStatusCode.BadRequest, "malformed-json");
        var returned = await (await group.PostAsync(Version + "/return", ApiJson.Json("""{"comment":"请补充“回头看”环节"}"""))).ReadAsync(HttpStatusCode.OK);
        returned.GetProperty("state").GetString().ShouldBe("returned");
        await RefusedAsync(await office.PostAsync(Version + "/approve", null), HttpStatusCode.Conflict, "plan-draft-not-submitted");
        await RefusedAsync(await author.PostAsync(Version + "/publish", null), HttpStatusCode.Conflict, "plan-draft-not-approved");

        // Revised, resubmitted, approved by the body's campaign office, published by its author.
        (await (await author.PostAsync($"/plans/drafts?file={Plan}.yaml", Yaml(VersionTwo("（修订稿）")))).ReadAsync(HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("draft");
        (await (await author.PostAsync(Version + "/submit", null)).ReadAsync(HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("submitted");
        await RefusedAsync(await author.PostAsync($"/plans/drafts?file={Plan}.yaml", Yaml(VersionTwo())), HttpStatusCode.Conflict, "plan-draft-under-review");
        (await (await office.PostAsync(Version + "/approve", ApiJson.Json("""{"comment":"同意"}"""))).ReadAsync(HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("approved");
        await RefusedAsync(await office.PostAsync(Version + "/publish", null), HttpStatusCode.Forbidden, "plan-author-only");
        var published = await (await author.PostAsync(Version + "/publish", null)).ReadAsync(HttpStatusCode.OK);
        published.GetProperty("state").GetString().ShouldBe("published");
        await RefusedAsync(await author.PostAsync($"/plans/drafts?file={Plan}.yaml", Yaml(VersionTwo("（三稿）"))), HttpStatusCode.Conflict, "plan-version-published");

        var stored = await server.Campaigns.Stores.Plans.GetAsync(Plan, 2);
        stored.ShouldNotBeNull();
        stored.Files[0].Text.ShouldContain("实施方案（修订稿）");
        stored.Hash.ShouldBe(published.GetProperty("hash").GetString());

        // GET of the plan shows every version's history, with who and when.
        var plan = await server.As(TestTokens.Admin).GetJsonAsync("/plans/" + Plan);
        var history = plan.GetProperty("history").EnumerateArray().ToArray();
        history.Select(h => (h.GetProperty("version").GetInt32(), h.GetProperty("state").GetString())).ShouldBe([(1, "published"), (2, "published")]);
        history[0].GetProperty("steps").EnumerateArray().Single().GetProperty("by").GetString().ShouldBe("definitions/");
        var steps = history[1].GetProperty("steps").EnumerateArray().ToArray();
        steps.Select(s => s.GetProperty("action").GetString()).ShouldBe(["created", "submitted", "returned", "revised", "resubmitted", "approved", "published"]);
        steps.Select(s => s.GetProperty("by").GetString()).ShouldBe(
            [TestTokens.RecorderXiguan, TestTokens.RecorderXiguan, TestTokens.ReviewerWeiduGroup3, TestTokens.RecorderXiguan, TestTokens.RecorderXiguan, TestTokens.RecorderWeidu, TestTokens.RecorderXiguan]);
        steps[2].GetProperty("comment").GetString().ShouldBe("请补充“回头看”环节");
        steps[5].GetProperty("comment").GetString().ShouldBe("同意");
        steps.Select(s => s.GetProperty("at").GetDateTimeOffset()).ShouldBeInOrder();
    }

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadAsync(status);
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("messageZh").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("messageEn").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
