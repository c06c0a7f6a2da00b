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
}
