using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Security;

/// <summary>
/// A recorder must not slip the supervision group's review (<c>by: supervisor</c>) past the API by writing it so
/// that the API's look at the body and the campaign service's reading of it disagree: every such body is refused
/// with 403 and stores nothing.
/// </summary>
public sealed class ForgedSupervisorReviewTests(AuthorizationServer fixture) : IClassFixture<AuthorizationServer>
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task A_review_inside_a_whole_log_with_plan_and_records_is_refused()
    {
        await RefusedAsync(ApiJson.Json("""
            { "plan": "panyu-ftu-2014",
              "records": [ { "key": "forged-log", "review": "auth-doc", "on": "2014-04-15", "by": "supervisor", "decision": "approved" } ] }
            """));
    }

    [Fact]
    public async Task A_csv_whose_header_follows_a_blank_line_is_read_like_the_service_reads_it()
    {
        await RefusedAsync(ApiJson.Csv("\r\nkey,review,by,on\r\nforged-blank,auth-doc,supervisor,2014-04-15\r\n"));
    }

    [Fact]
    public async Task A_csv_naming_the_by_column_twice_is_read_like_the_service_reads_it()
    {
        // The service sets each non-empty cell of a column in turn, so the last 'by' is the one it keeps.
        await RefusedAsync(ApiJson.Csv("key,review,by,on,by\r\nforged-twice,auth-doc,principal,2014-04-15,supervisor\r\n"));
    }

    [Fact]
    public async Task A_quote_inside_a_csv_field_is_a_character_as_the_service_reads_it()
    {
        // Only a quote that opens a field quotes it; one further in is part of the text.
        await RefusedAsync(ApiJson.Csv("key,department,by,review,on\r\nforged-quote,a\"b,supervisor,auth-doc,2014-04-15\r\n"));
    }

    [Fact]
    public async Task A_review_by_another_role_the_plan_declares_external_needs_the_reviewer_too_MY_25()
    {
        // 绵阳's plan declares 督导组组长 (supervisor-leader) external: the unit's recorder may not approve for it.
        const string unit = "mianyang-ftu";
        var before = await fixture.Server.Campaigns.Stores.Records.CountUnitAsync(unit);
        var body = ApiJson.Json("""
            [ { "key": "external-doc", "document": "work-plan", "on": "2014-03-03" },
              { "key": "external-doc-ok", "review": "external-doc", "on": "2014-03-04", "by": "supervisor-leader" } ]
            """);

        var response = await fixture.Server.As(TestTokens.RecorderMianyang).PostAsync($"/units/{unit}/records", body);

        (await response.ReadAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString().ShouldBe("review-needs-reviewer");
        (await fixture.Server.Campaigns.Stores.Records.CountUnitAsync(unit)).ShouldBe(before, "a refused write stores nothing");
    }

    private async Task RefusedAsync(HttpContent body)
    {
        var before = await fixture.Server.Campaigns.Stores.Records.CountUnitAsync(Unit);

        var response = await fixture.Server.As(TestTokens.RecorderPanyu).PostAsync($"/units/{Unit}/records", body);

        (await response.ReadAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString().ShouldBe("review-needs-reviewer");
        (await fixture.Server.Campaigns.Stores.Records.CountUnitAsync(Unit)).ShouldBe(before, "a refused write stores nothing");
    }
}
