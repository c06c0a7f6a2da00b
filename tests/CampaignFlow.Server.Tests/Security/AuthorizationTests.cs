using System.Net;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Server.Tests.Security;

/// <summary>
/// Every endpoint × every role × the caller's own and a foreign unit: who may read, record and review what.
/// Auditors read all units (or those under their body), recorders write and read their one unit, the
/// supervision group's reviewer submits its reviews and reads the units it supervises, admin does everything.
/// </summary>
public sealed class AuthorizationTests(AuthorizationServer fixture) : IClassFixture<AuthorizationServer>
{
    private const string Panyu = "panyu-ftu";
    private const string Mianyang = "mianyang-ftu";
    private const string Xiguan = "weidu-xiguan-street";
    private static int _keys;

    public enum Endpoint
    {
        State,
        ViolationsOfUnit,
        Violation,
        Plan,
        Records,
        Documents,
        SupervisorReview,
    }

    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;

    // token, unit (own or foreign for that token), what each endpoint answers, in Endpoint order.
    public static TheoryData<string, string, string, HttpStatusCode[]> Table => new()
    {
        { TestTokens.Admin, Panyu, "any unit", [Ok, Ok, Ok, Ok, Created, Created, Created] },
        { TestTokens.Admin, Mianyang, "any unit", [Ok, Ok, Ok, Ok, Created, Created, Created] },
        { TestTokens.Auditor, Panyu, "any unit", [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden] },
        { TestTokens.Auditor, Xiguan, "any unit", [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden] },
        { TestTokens.AuditorWeidu, Xiguan, "own (under weidu-district)", [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden] },
        { TestTokens.AuditorWeidu, Panyu, "foreign", [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden] },
        { TestTokens.RecorderPanyu, Panyu, "own", [Ok, Ok, Ok, Ok, Created, Created, Forbidden] },
        { TestTokens.RecorderPanyu, Mianyang, "foreign", [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden] },
        { TestTokens.RecorderMianyang, Mianyang, "own", [Ok, Ok, Ok, Ok, Created, Created, Forbidden] },
        { TestTokens.RecorderMianyang, Panyu, "foreign", [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden] },
        { TestTokens.ReviewerPanyu, Panyu, "own (区委督导组)", [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Created] },
        { TestTokens.ReviewerPanyu, Mianyang, "foreign", [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden] },
        { TestTokens.ReviewerMianyang, Mianyang, "own (市委督导组)", [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Created] },
        { TestTokens.ReviewerMianyang, Panyu, "foreign", [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_endpoint_answers_each_role_for_own_and_foreign_units(string token, string unit, string relation, HttpStatusCode[] expected)
    {
        var client = fixture.Server.As(token);
        foreach (var endpoint in Enum.GetValues<Endpoint>())
        {
            var before = await CountRecordsAsync(unit);
            var response = await SendAsync(client, endpoint, unit);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected[(int)endpoint], $"{token} → {endpoint} of {unit} ({relation}): {body}");
            if (response.StatusCode == Forbidden)
            {
                body.ShouldContain("\"code\":");
                (await CountRecordsAsync(unit)).ShouldBe(before, "a refused write stores nothing");
            }
        }
    }

    [Theory]
    [InlineData("GET", "/units")]
    [InlineData("GET", "/units/panyu-ftu/state")]
    [InlineData("GET", "/violations")]
    [InlineData("GET", "/violations/panyu-ftu/x")]
    [InlineData("GET", "/plans")]
    [InlineData("GET", "/plans/panyu-ftu-2014")]
    [InlineData("POST", "/plans/validate")]
    [InlineData("POST", "/units/panyu-ftu/records")]
    [InlineData("POST", "/units/panyu-ftu/documents")]
    [InlineData("POST", "/units/panyu-ftu/reviews")]
    public async Task Without_a_token_or_with_an_unknown_one_every_endpoint_answers_401(string method, string path)
    {
        foreach (var token in new[] { null, "not-a-token" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? ApiJson.Json("{}") : null };
            var response = await fixture.Server.As(token).SendAsync(request);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
            (await response.Content.ReadAsStringAsync()).ShouldContain(token is null ? "token-missing" : "token-invalid");
        }
    }

    [Theory]
    [InlineData(TestTokens.Admin, new[] { Panyu, Mianyang, Xiguan })]
    [InlineData(TestTokens.Auditor, new[] { Panyu, Mianyang, Xiguan })]
    [InlineData(TestTokens.AuditorWeidu, new[] { Xiguan })]
    [InlineData(TestTokens.RecorderPanyu, new[] { Panyu })]
    [InlineData(TestTokens.ReviewerPanyu, new[] { Panyu })]
    [InlineData(TestTokens.ReviewerMianyang, new[] { Mianyang })]
    public async Task Lists_show_only_what_the_token_may_read(string token, string[] units)
    {
        var client = fixture.Server.As(token);

        var listed = (await client.GetJsonAsync("/units")).Strings("id").ToArray();
        var violations = (await client.GetJsonAsync("/violations?limit=1000")).GetProperty("items").Strings("unit").Distinct().ToArray();
        var plans = (await client.GetJsonAsync("/plans")).EnumerateArray().Where(p => !p.GetProperty("template").GetBoolean()).Select(p => p.GetProperty("unit").GetString()!).ToArray();

        foreach (var unit in units)
        {
            listed.ShouldContain(unit);
            violations.ShouldContain(unit);
            plans.ShouldContain(unit);
        }

        if (token == TestTokens.AuditorWeidu)
        {
            // Every unit of the district's organisation file runs (its own plan or its kind's template), and so does the
            // district itself: each is listed with the plan it runs At
            // this fixture's day only 西关街道 has violations.
            // The bodies above the seed units (organisation/bodies-above.units.yaml) name no kind and run nothing.
            var tree = PlanCatalog.Load([Repository.Path("definitions")]).Organisation.Units.Where(u => u.Kind is not null).Select(u => u.Id).ToArray();
            listed.ShouldBe(tree, ignoreOrder: true);
            plans.ShouldBe(tree, ignoreOrder: true);
            violations.ShouldBe(units, ignoreOrder: true);
        }
        else if (token is not (TestTokens.Admin or TestTokens.Auditor))
        {
            listed.ShouldBe(units, ignoreOrder: true);
            violations.ShouldBe(units, ignoreOrder: true);
            plans.ShouldBe(units, ignoreOrder: true);
        }

        (await client.PostAsync("/plans/validate", new StringContent("plan: x\n", System.Text.Encoding.UTF8, "application/yaml"))).StatusCode.ShouldBe(Ok);
    }

    [Fact]
    public async Task A_body_filter_reaching_foreign_units_is_refused_and_one_within_reach_is_answered()
    {
        var weidu = fixture.Server.As(TestTokens.AuditorWeidu);

        (await weidu.GetAsync("/violations?body=panyu-district")).StatusCode.ShouldBe(Forbidden);
        var own = await weidu.GetJsonAsync("/violations?body=weidu-district");
        own.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        own.GetProperty("items").Strings("unit").ShouldAllBe(u => u == Xiguan);
    }

    [Fact]
    public async Task A_body_filter_walks_through_a_body_that_runs_no_campaign()
    {
        // 西关街道 → 魏都区委 → 许昌市: the district's plan is the street's template, so only its plan knows it is under the city.
        foreach (var token in new[] { TestTokens.Admin, TestTokens.Auditor, TestTokens.AuditorWeidu })
        {
            var city = await fixture.Server.As(token).GetJsonAsync("/violations?body=xuchang-city&limit=1000");

            city.GetProperty("total").GetInt32().ShouldBeGreaterThan(0, token);
            city.GetProperty("items").Strings("unit").ShouldAllBe(u => u == Xiguan);
            (await fixture.Server.As(token).GetJsonAsync($"/violations?body=xuchang-city&unit={Xiguan}")).GetProperty("total").GetInt32().ShouldBe(city.GetProperty("total").GetInt32());
        }

        (await fixture.Server.As(TestTokens.RecorderPanyu).GetAsync("/violations?body=xuchang-city")).StatusCode.ShouldBe(Forbidden);
    }

    [Theory]
    [InlineData(TestTokens.Admin, HttpStatusCode.OK)]
    [InlineData(TestTokens.Auditor, HttpStatusCode.OK)]
    [InlineData(TestTokens.AuditorWeidu, HttpStatusCode.OK)]
    [InlineData(TestTokens.RecorderPanyu, HttpStatusCode.Forbidden)]
    [InlineData(TestTokens.ReviewerPanyu, HttpStatusCode.Forbidden)]
    public async Task A_template_plan_is_read_by_those_who_read_a_unit_built_on_it(string token, HttpStatusCode expected)
    {
        var client = fixture.Server.As(token);

        var response = await client.GetAsync("/plans/weidu-district-2014");

        var answer = await response.ReadAsync(expected);
        var listed = (await client.GetJsonAsync("/plans")).EnumerateArray().Where(p => p.GetProperty("template").GetBoolean()).Select(p => p.GetProperty("id").GetString()).ToArray();
        if (expected == HttpStatusCode.OK)
        {
            (answer.GetProperty("id").GetString(), answer.GetProperty("unit").GetString(), answer.GetProperty("body").GetString()).ShouldBe(("weidu-district-2014", "weidu-district", "xuchang-city"));
            listed.ShouldBe(["weidu-organs-2014", "weidu-streets-2014"],
                "the organs' template, which 教体局's plan inherits, and the streets', which the plans generated for the streets with rosters inherit (the district's plan runs for the district: listed as its)");
        }
        else
        {
            answer.GetProperty("code").GetString().ShouldBe("forbidden-unit");
            listed.ShouldBeEmpty();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, string unit)
    {
        var key = $"auth-{Interlocked.Increment(ref _keys)}";
        return endpoint switch
        {
            Endpoint.State => await client.GetAsync($"/units/{unit}/state"),
            Endpoint.ViolationsOfUnit => await client.GetAsync($"/violations?unit={unit}"),
            Endpoint.Violation => await client.GetAsync($"/violations/{fixture.ViolationOf[unit]}"),
            Endpoint.Plan => await client.GetAsync($"/plans/{PlanOf(unit)}"),
            Endpoint.Records => await client.PostAsync($"/units/{unit}/records", ApiJson.Json(ActivityOf(unit, key))),
            Endpoint.Documents => await client.PostAsync($"/units/{unit}/documents", ApiJson.Json(DocumentOf(unit, key))),
            _ => await client.PostAsync($"/units/{unit}/reviews", ApiJson.Json(
                $$"""{ "key": "{{key}}", "review": "auth-doc", "on": "2014-04-15", "by": "supervisor", "decision": "approved" }""")),
        };
    }

    private async Task<long> CountRecordsAsync(string unit) =>
        await fixture.Server.Campaigns.Stores.Records.CountUnitAsync(unit);

    private static string PlanOf(string unit) => unit switch
    {
        Panyu => "panyu-ftu-2014",
        Mianyang => "mianyang-ftu-2014",
        _ => "weidu-xiguan-street-2014",
    };

    private static string ActivityOf(string unit, string key) => unit switch
    {
        Panyu => $$"""{ "key": "{{key}}", "activity": "concentrated-study", "on": "2014-04-14", "hours": "半天", "participants": ["su-zhibang"] }""",
        Mianyang => $$"""{ "key": "{{key}}", "activity": "branch-study-meeting", "on": "2014-04-14", "hours": "2小时", "participants": ["zhang-jianguo"], "branch": "organ" }""",
        _ => $$"""{ "key": "{{key}}", "activity": "hotline", "on": "2014-04-14" }""",
    };

    private static string DocumentOf(string unit, string key) => unit switch
    {
        Panyu => $$"""{ "key": "{{key}}", "document": "opinion-report", "on": "2014-04-14", "author": "guo-jianwen" }""",
        Mianyang => $$"""{ "key": "{{key}}", "document": "research-report", "on": "2014-04-14", "author": "li-minghua" }""",
        _ => $$"""{ "key": "{{key}}", "document": "nothing", "on": "2014-04-14" }""",
    };
}
