using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// <c>GET /units/{unit}/explain</c>: why 番禺区总工会's week 10 of PY-05 is violated (the 2 hours recorded counted, and
/// were too few) while week 9 is met and week 12 still open, each with its rule node by node; refusals for what cannot be explained, never a 500.
/// </summary>
public sealed class ExplainEndpointTests(ExplainEndpointTests.Fixture fixture) : IClassFixture<ExplainEndpointTests.Fixture>
{
    private const string Url = "/units/panyu-ftu/explain?requirement=weekly-study:period-minimum";

    public sealed class Fixture : IAsyncLifetime
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 2, 24));

        public async Task InitializeAsync()
        {
            var records = """
                [{ "key": "study-w09", "activity": "concentrated-study", "on": "2014-02-28", "hours": "半天", "participants": ["su-zhibang"] },
                 { "key": "study-w10", "activity": "concentrated-study", "on": "2014-03-07", "hours": "2小时", "participants": ["su-zhibang"] }]
                """;
            await (await Server.As(TestTokens.RecorderPanyu).PostAsync("/units/panyu-ftu/records", ApiJson.Json(records))).ReadAsync(HttpStatusCode.Created);
            await Server.MoveToEndOfAsync(new DateOnly(2014, 3, 12));
        }

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Each_week_says_met_violated_or_pending_with_the_records_it_rests_on()
    {
        var explanation = await fixture.Server.As(TestTokens.Auditor).GetJsonAsync(Url);

        explanation.GetProperty("requirementId").GetString().ShouldBe("weekly-study:period-minimum");
        explanation.GetProperty("statementZh").GetString().ShouldNotBeNullOrWhiteSpace();
        var periods = explanation.GetProperty("periods").EnumerateArray().ToDictionary(p => p.GetProperty("period").GetString()!);
        periods["2014-W09"].GetProperty("status").GetString().ShouldBe("met");
        var w10 = periods["2014-W10"];
        w10.GetProperty("status").GetString().ShouldBe("violated");
        var violation = w10.GetProperty("violations").EnumerateArray().ShouldHaveSingleItem();
        violation.GetProperty("id").GetString().ShouldBe("panyu-ftu/panyu-ftu-2014@1/weekly-study:period-minimum/2014-W10");
        violation.GetProperty("evidence").GetProperty("counted").EnumerateArray().Select(e => e.GetString()).ShouldBe(["study-w10"]);
        var record = w10.GetProperty("records").EnumerateArray().ShouldHaveSingleItem();
        (record.GetProperty("key").GetString(), record.GetProperty("outcome").GetString(), record.GetProperty("counted").GetBoolean()).ShouldBe(("study-w10", "counted", true));
        periods["2014-W12"].GetProperty("status").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task Each_week_carries_its_rule_node_by_node()
    {
        var explanation = await fixture.Server.As(TestTokens.Auditor).GetJsonAsync(Url);

        explanation.GetProperty("nodeByNode").GetBoolean().ShouldBeTrue();
        var periods = explanation.GetProperty("periods").EnumerateArray().ToDictionary(p => p.GetProperty("period").GetString()!);
        Dictionary<string, string> Outcomes(string period) => periods[period].GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("node").GetString()!, n => n.GetProperty("outcome").GetString()!);
        Outcomes("2014-W09").ShouldSatisfyAllConditions(
            o => o["collect"].ShouldBe("held"),
            o => o["verdict"].ShouldBe("failed"),
            o => o["violation"].ShouldBe("not-reached"));
        Outcomes("2014-W10")["violation"].ShouldBe("held");
        Outcomes("2014-W12")["due"].ShouldBe("absent");
    }

    [Fact]
    public async Task At_a_day_before_the_week_closed_it_is_pending()
    {
        var explanation = await fixture.Server.As(TestTokens.RecorderPanyu).GetJsonAsync(Url + "&at=2014-03-08");

        explanation.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2014-W10")
            .GetProperty("status").GetString().ShouldBe("pending");
    }

    [Theory]
    [InlineData("/units/panyu-ftu/explain", HttpStatusCode.BadRequest, "requirement-missing")]
    [InlineData("/units/panyu-ftu/explain?requirement=no-such:thing", HttpStatusCode.NotFound, "unknown-requirement")]
    [InlineData(Url + "&at=2014-02-30", HttpStatusCode.BadRequest, "bad-query")]
    [InlineData(Url + "&at=9999-12-31", HttpStatusCode.BadRequest, "bad-query")]
    [InlineData("/units/weidu-district/explain?requirement=units-mass-evaluation:count-in-window", HttpStatusCode.UnprocessableEntity, "explain-across-units")]
    public async Task What_cannot_be_explained_is_a_4xx_with_a_message(string url, HttpStatusCode status, string code)
    {
        var problem = await (await fixture.Server.As(TestTokens.Admin).GetAsync(url)).ReadAsync(status);

        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("messageZh").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Another_units_recorder_is_refused()
    {
        (await fixture.Server.As(TestTokens.RecorderMianyang).GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
