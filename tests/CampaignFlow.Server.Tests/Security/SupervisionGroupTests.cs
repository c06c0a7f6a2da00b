using System.Net;
using CampaignFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlow.Server.Tests.Security;

/// <summary>
/// 魏都区委's two supervision groups (definitions/organisation/weidu-district.groups.yaml): a reviewer token names its
/// group's id and reviews exactly that group's units; each group has its page of work.
/// </summary>
public sealed class SupervisionGroupTests(AuthorizationServer fixture) : IClassFixture<AuthorizationServer>
{
    [Fact]
    public async Task A_groups_reviewer_reads_its_units_and_reviews_for_them_only()
    {
        var third = fixture.Server.As(TestTokens.ReviewerWeiduGroup3);

        var units = (await third.GetJsonAsync("/units")).EnumerateArray().ToArray();
        units.Select(u => u.GetProperty("kind").GetString()).Distinct().ShouldBe(["street", "community"], ignoreOrder: true);
        units.ShouldAllBe(u => u.GetProperty("group").GetString() == "weidu-group-3" && u.GetProperty("supervisor").GetString() == "区委第三督导组");
        units.Select(u => u.GetProperty("id").GetString()).ShouldContain("weidu-xiguan-street");

        (await third.GetAsync("/units/weidu-court/state")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the court is the first group's");
        (await fixture.Server.As(TestTokens.ReviewerWeiduGroup1).GetAsync("/units/weidu-court/state")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.Server.As(TestTokens.ReviewerWeiduGroup1).GetAsync("/units/weidu-xiguan-street/state")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reviewer_token_naming_a_group_no_file_has_is_a_warning_at_start()
    {
        var logs = new CapturedLogs();
        using var server = new CampaignServer(
            settings: new Dictionary<string, string?>
            {
                ["CampaignFlow:Tokens:0:Name"] = "typo-group",
                ["CampaignFlow:Tokens:0:Hash"] = CampaignFlow.Server.Security.TokenHash.Of("t-typo"),
                ["CampaignFlow:Tokens:0:Role"] = "reviewer",
                ["CampaignFlow:Tokens:0:Group"] = "weidu-group-9",
            },
            services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs),
            tokens: false);

        (await server.As("t-typo").GetJsonAsync("/units")).GetArrayLength().ShouldBe(0);
        logs.Messages.ShouldContain(m => m.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && m.Message.Contains("weidu-group-9", StringComparison.Ordinal) && m.Message.Contains("weidu-group-1, weidu-group-3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_sees_its_page_of_work_and_no_other_groups()
    {
        var third = fixture.Server.As(TestTokens.ReviewerWeiduGroup3);

        var work = await third.GetJsonAsync("/groups/weidu-group-3");
        var group = work.GetProperty("group");
        group.GetProperty("name").GetString().ShouldBe("区委第三督导组");
        group.GetProperty("leader").GetString().ShouldNotBeNullOrWhiteSpace("GX-05: every group is led by a leader");
        var rows = work.GetProperty("units").EnumerateArray().ToArray();
        rows.Length.ShouldBe(group.GetProperty("units").GetArrayLength());
        rows.ShouldAllBe(r => r.GetProperty("unit").GetProperty("group").GetString() == "weidu-group-3");
        rows.ShouldAllBe(r => r.GetProperty("waitingForReview").EnumerateArray().All(g => g.GetProperty("rolesToApprove")[0].GetString() == "supervisor"));
        var counts = rows.Select(r => (r.GetProperty("waitingForReview").GetArrayLength(), r.GetProperty("openViolations").GetInt32())).ToArray();
        counts.ShouldBe(counts.OrderByDescending(c => c.Item1).ThenByDescending(c => c.Item2).ToArray(), "the units with most waiting for the group come first");

        (await third.GetJsonAsync("/groups")).EnumerateArray().Select(g => g.GetProperty("id").GetString()).ShouldBe(["weidu-group-3"]);
        (await third.GetAsync("/groups/weidu-group-1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Server.As(TestTokens.Admin).GetJsonAsync("/groups")).GetArrayLength().ShouldBe(2);
        (await fixture.Server.As(TestTokens.AuditorWeidu).GetAsync("/groups/weidu-group-1")).StatusCode.ShouldBe(HttpStatusCode.OK, "the district's auditor reads every unit the group covers");
        (await fixture.Server.As(TestTokens.RecorderPanyu).GetAsync("/groups/weidu-group-1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var missing = await fixture.Server.As(TestTokens.Admin).GetAsync("/groups/no-such-group");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("unknown-group");
    }

    [Fact]
    public async Task A_groups_page_of_work_comes_a_page_at_a_time_with_totals_over_all_its_units()
    {
        var admin = fixture.Server.As(TestTokens.Admin);
        var all = await admin.GetJsonAsync("/groups/weidu-group-3?pageSize=1000");
        var total = all.GetProperty("totalUnits").GetInt32();
        var ids = all.GetProperty("units").EnumerateArray().Select(r => r.GetProperty("unit").GetProperty("id").GetString()).ToArray();
        ids.Length.ShouldBe(total);
        total.ShouldBeGreaterThan(4, "the third group covers the streets and their communities");
        all.GetProperty("openViolations").GetInt32().ShouldBe(all.GetProperty("units").EnumerateArray().Sum(r => r.GetProperty("openViolations").GetInt32()));

        var second = await admin.GetJsonAsync("/groups/weidu-group-3?page=2&pageSize=2");
        second.GetProperty("page").GetInt32().ShouldBe(2);
        second.GetProperty("pageSize").GetInt32().ShouldBe(2);
        second.GetProperty("pages").GetInt32().ShouldBe((total + 1) / 2);
        second.GetProperty("units").EnumerateArray().Select(r => r.GetProperty("unit").GetProperty("id").GetString()).ShouldBe(ids[2..4], "the same order, two at a time");
        foreach (var totalName in new[] { "totalUnits", "openViolations", "waitingForReview" })
        {
            second.GetProperty(totalName).GetInt32().ShouldBe(all.GetProperty(totalName).GetInt32(), totalName);
        }

        var defaults = await admin.GetJsonAsync("/groups/weidu-group-3");
        (defaults.GetProperty("page").GetInt32(), defaults.GetProperty("pageSize").GetInt32()).ShouldBe((1, 50));
        var past = await admin.GetJsonAsync($"/groups/weidu-group-3?page={total + 1}&pageSize=1");
        past.GetProperty("units").GetArrayLength().ShouldBe(0);
        past.GetProperty("totalUnits").GetInt32().ShouldBe(total);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=first", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1001", "pageSize")]
    [InlineData("page=2&pageSize=many", "pageSize")]
    public async Task A_bad_page_of_a_groups_work_is_400_naming_it(string query, string parameter)
    {
        var response = await fixture.Server.As(TestTokens.Admin).GetAsync($"/groups/weidu-group-3?{query}");

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("bad-query");
        problem.GetProperty("messageEn").GetString()!.ShouldContain($"for {parameter}:");
        problem.GetProperty("messageZh").GetString()!.ShouldContain($"不是 {parameter} 的有效值：");
    }
}
