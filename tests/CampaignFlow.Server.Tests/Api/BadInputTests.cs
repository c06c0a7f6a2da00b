using System.Net;
using System.Text;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// What callers get wrong gets a 4xx problem document with a message (and line:column where it is text), never
/// a 500, and nothing of it is stored.
/// </summary>
public sealed class BadInputTests(BadInputTests.Fixture fixture) : IClassFixture<BadInputTests.Fixture>
{
    private const string Unit = "panyu-ftu";

    public sealed class Fixture : IDisposable
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public void Dispose() => Server.Dispose();
    }

    private HttpClient Recorder => fixture.Server.As(TestTokens.RecorderPanyu);

    [Fact]
    public async Task Malformed_json_is_400_with_its_line_and_column()
    {
        var problem = await PostAsync("[\n  { \"key\": \"bad-1\", \"activity\": \"talk\",, }\n]", "application/json", HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("malformed-json");
        problem.GetProperty("messageEn").GetString()!.ShouldBe("the JSON is malformed at line 2, column 40: ',' is an invalid start of a property name. Expected a '\"'.");
    }

    [Theory]
    [InlineData("\"a string\"")]
    [InlineData("[1, 2]")]
    public async Task Json_that_is_not_records_is_400(string json)
    {
        (await PostAsync(json, "application/json", HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("json-not-records");
    }

    [Fact]
    public async Task An_unknown_unit_is_404()
    {
        var response = await fixture.Server.As(TestTokens.Admin).PostAsync("/units/no-such-unit/records", ApiJson.Json("""{ "key": "k", "activity": "talk", "on": "2014-02-20" }"""));

        (await response.ReadAsync(HttpStatusCode.NotFound)).GetProperty("messageEn").GetString().ShouldBe("no campaign runs for unit 'no-such-unit'");
        (await fixture.Server.As(TestTokens.Admin).GetAsync("/units/no-such-unit/state")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Server.As(TestTokens.Admin).GetAsync("/violations?unit=no-such-unit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_person_or_kind_is_422_at_its_line_and_column_and_the_whole_batch_is_refused()
    {
        var batch = """
            [
              { "key": "good-study", "activity": "concentrated-study", "on": "2014-02-21", "hours": "半天", "participants": ["su-zhibang"] },
              { "key": "bad-person", "activity": "concentrated-study", "on": "2014-02-21", "hours": "半天", "participants": ["no-such-person"] },
              { "key": "bad-kind", "activity": "karaoke", "on": "2014-02-21" }
            ]
            """;

        var problem = await PostAsync(batch, "application/json", HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("code").GetString().ShouldBe("records-invalid");
        var diagnostics = problem.GetProperty("diagnostics").EnumerateArray().ToArray();
        diagnostics.Length.ShouldBe(2);
        diagnostics[0].GetProperty("line").GetInt32().ShouldBe(3);
        diagnostics[0].GetProperty("messageEn").GetString()!.ShouldContain("no-such-person");
        diagnostics[1].GetProperty("line").GetInt32().ShouldBe(4);
        diagnostics[1].GetProperty("messageEn").GetString()!.ShouldContain("karaoke");
        diagnostics.ShouldAllBe(d => d.GetProperty("column").GetInt32() > 0);
        await NothingStoredAsync("good-study", "bad-person", "bad-kind");
    }

    [Theory]
    [InlineData("2014-02-30")]
    [InlineData("2014-13-01")]
    [InlineData("yesterday")]
    public async Task An_impossible_date_is_422_naming_it(string day)
    {
        var problem = await PostAsync($$"""{ "key": "bad-day-{{day}}", "activity": "concentrated-study", "on": "{{day}}", "hours": "半天" }""", "application/json", HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("diagnostics")[0].GetProperty("messageEn").GetString()!.ShouldContain(day);
        problem.GetProperty("diagnostics")[0].GetProperty("location").GetString()!.ShouldStartWith("request.json:1:");
        await NothingStoredAsync($"bad-day-{day}");
    }

    [Fact]
    public async Task A_bad_csv_row_is_422_at_its_line()
    {
        var csv = "key,activity,on,hours,participants\ncsv-ok,concentrated-study,2014-02-21,半天,su-zhibang\ncsv-bad,concentrated-study,2014-02-30,半天,su-zhibang\n";

        var problem = await PostAsync(csv, "text/csv", HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("diagnostics")[0].GetProperty("line").GetInt32().ShouldBe(3);
        await NothingStoredAsync("csv-ok", "csv-bad");
    }

    [Fact]
    public async Task A_json_body_over_1_MB_is_413_and_a_csv_over_10_MB_too()
    {
        var big = "[" + string.Join(",", Enumerable.Range(0, 12_000).Select(i => $$"""{ "key": "big-{{i}}", "activity": "concentrated-study", "on": "2014-02-21", "hours": "半天", "participants": ["su-zhibang"] }""")) + "]";
        Encoding.UTF8.GetByteCount(big).ShouldBeGreaterThan(1 << 20);

        var problem = await PostAsync(big, "application/json", HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("messageEn").GetString().ShouldBe("the request body is larger than 1048576 bytes, the most this accepts");

        var bigCsv = "key,activity,on,hours\n" + string.Concat(Enumerable.Range(0, 300_000).Select(i => $"big-csv-{i},concentrated-study,2014-02-21,半天\n"));
        Encoding.UTF8.GetByteCount(bigCsv).ShouldBeGreaterThan(10 << 20);
        (await PostAsync(bigCsv, "text/csv", HttpStatusCode.RequestEntityTooLarge)).GetProperty("code").GetString().ShouldBe("body-too-large");
        await NothingStoredAsync("big-0", "big-csv-0");
    }

    [Fact]
    public async Task A_body_sent_in_chunks_without_a_length_is_cut_off_at_the_limit()
    {
        var content = new PushStreamContent(Encoding.UTF8.GetBytes("[" + new string(' ', (1 << 20) + 10) + "]"));
        content.Headers.ContentType = new("application/json");

        var response = await Recorder.PostAsync($"/units/{Unit}/records", content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("application/xml", "/records")]
    [InlineData("text/csv", "/documents")]
    [InlineData("application/json; charset=latin1", "/records")]
    public async Task A_wrong_content_type_is_415_saying_what_to_send(string contentType, string route)
    {
        var content = new StringContent("""{ "key": "k" }""");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await Recorder.PostAsync($"/units/{Unit}{route}", content);

        var problem = await response.ReadAsync(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("messageEn").GetString()!.ShouldContain("application/json");
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        (await PostAsync("  ", "application/json", HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("body-empty");
    }

    [Fact]
    public async Task A_record_of_another_type_on_documents_or_reviews_is_422()
    {
        var activity = """{ "key": "typed", "activity": "concentrated-study", "on": "2014-02-21", "hours": "半天" }""";

        var problem = await (await Recorder.PostAsync($"/units/{Unit}/documents", ApiJson.Json(activity))).ReadAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("record-type-not-here");
        await NothingStoredAsync("typed");
    }

    [Fact]
    public async Task The_same_key_with_other_content_is_409_and_the_first_stays()
    {
        var first = """{ "key": "conflict", "activity": "concentrated-study", "on": "2014-02-21", "hours": "半天", "participants": ["su-zhibang"] }""";
        var second = """{ "key": "conflict", "activity": "concentrated-study", "on": "2014-02-21", "hours": "1天", "participants": ["su-zhibang"] }""";
        await (await Recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(first))).ReadAsync(HttpStatusCode.Created);

        (await PostAsync(second, "application/json", HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("records-conflict");

        var stored = await fixture.Server.Campaigns.Stores.Records.GetAsync(Unit, "conflict");
        stored.ShouldNotBeNull().Payload.ShouldContain("\"hours\":4,");
    }

    [Fact]
    public async Task The_same_review_key_with_another_reviewer_is_409_and_who_approved_first_stays()
    {
        var document = """{ "key": "self-exam-409", "document": "self-examination", "on": "2014-02-21", "author": "chen-huimin" }""";
        var review = """{ "key": "self-exam-409-ok", "review": "self-exam-409", "on": "2014-02-24", "by": "principal", "reviewer": "su-zhibang", "decision": "approved" }""";
        await (await Recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json($"[{document}, {review}]"))).ReadAsync(HttpStatusCode.Created);

        var again = await (await Recorder.PostAsync($"/units/{Unit}/reviews", ApiJson.Json(review))).ReadAsync(HttpStatusCode.OK);
        again.GetProperty("duplicates").GetInt32().ShouldBe(1);
        var other = review.Replace("su-zhibang", "chen-huimin", StringComparison.Ordinal);
        (await (await Recorder.PostAsync($"/units/{Unit}/reviews", ApiJson.Json(other))).ReadAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("records-conflict");

        var stored = await fixture.Server.Campaigns.Stores.Records.GetAsync(Unit, "self-exam-409-ok");
        stored.ShouldNotBeNull().Payload.ShouldContain("\"reviewer\":\"su-zhibang\"");
    }

    [Theory]
    [InlineData("from=2014-02-30", "from")]
    [InlineData("to=2014/03/01", "to")]
    [InlineData("status=closed", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("severity=fatal", "severity")]
    [InlineData("from=2014-05-01&to=2014-04-01", "from")]
    public async Task A_bad_filter_is_400_naming_the_parameter(string query, string parameter)
    {
        var response = await fixture.Server.As(TestTokens.Auditor).GetAsync($"/violations?{query}");

        (await response.ReadAsync(HttpStatusCode.BadRequest)).GetProperty("messageEn").GetString()!.ShouldContain($"for {parameter}:");
    }

    [Fact]
    public async Task Unknown_routes_violations_and_plans_are_404_problems()
    {
        var admin = fixture.Server.As(TestTokens.Admin);

        (await (await admin.GetAsync("/violations/no/such/violation")).ReadAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("unknown-violation");
        (await (await admin.GetAsync("/plans/no-such-plan")).ReadAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("unknown-plan");
        (await (await admin.GetAsync("/nothing-here")).ReadAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not-found");
        // The OpenAPI route took any name and answered an unknown one in English plain text.
        (await (await fixture.Server.CreateClient().GetAsync("/openapi/v2.json")).ReadAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not-found");
        (await (await admin.DeleteAsync("/units")).ReadAsync(HttpStatusCode.MethodNotAllowed)).GetProperty("code").GetString().ShouldBe("method-not-allowed");
    }

    [Fact]
    public async Task Messages_are_chinese_by_default_and_english_when_asked()
    {
        var chinese = fixture.Server.CreateClient();
        var response = await chinese.GetAsync("/violations");

        var problem = await response.ReadAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().ShouldBe("需要访问令牌：请发送“Authorization: Bearer 令牌”");
        response.Content.Headers.ContentLanguage.ShouldBe(["zh-CN"]);
        problem.GetProperty("messageEn").GetString().ShouldBe("this needs a bearer token: send 'Authorization: Bearer TOKEN'");

        var english = await (await fixture.Server.As(null, "en-GB,zh;q=0.5").GetAsync("/violations")).ReadAsync(HttpStatusCode.Unauthorized);
        english.GetProperty("detail").GetString().ShouldBe("this needs a bearer token: send 'Authorization: Bearer TOKEN'");
    }

    [Fact]
    public async Task A_plan_uploaded_for_validation_gets_its_findings_at_line_and_column()
    {
        var plan = await File.ReadAllTextAsync(CampaignFlow.Tests.Shared.Repository.Path("definitions", "panyu-ftu-2014.yaml"));
        var broken = plan.Replace("atLeast: 半天", "atleast: 半天");
        var client = fixture.Server.As(TestTokens.Auditor);

        var ok = await (await client.PostAsync("/plans/validate?file=panyu-ftu-2014.yaml", new StringContent(plan, Encoding.UTF8, "application/yaml"))).ReadAsync(HttpStatusCode.OK);
        ok.GetProperty("valid").GetBoolean().ShouldBeTrue();

        var found = await (await client.PostAsync("/plans/validate?file=mine.yaml", new StringContent(broken, Encoding.UTF8, "text/plain"))).ReadAsync(HttpStatusCode.OK);
        found.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var first = found.GetProperty("diagnostics")[0];
        first.GetProperty("code").GetString().ShouldBe("unknown-key");
        first.GetProperty("location").GetString()!.ShouldStartWith("mine.yaml:");
        first.GetProperty("messageEn").GetString()!.ShouldContain("did you mean 'atLeast'?");
        first.GetProperty("line").GetInt32().ShouldBe(plan.Split('\n').TakeWhile(l => !l.Contains("atLeast: 半天")).Count() + 1);
    }

    [Theory]
    [InlineData("""{ "key": "surrogate-1", "by": "\ud800", "activity": "concentrated-study", "on": "2014-02-21" }""", "1", "31")]
    [InlineData("""[ { "key": "surrogate-2", "activity": "concentrated-study", "on": "2014-02-21" }, { "key": "\udc00" } ]""", "1", "92")]
    public async Task A_lone_surrogate_escape_is_400_at_its_line_and_column(string json, string line, string column)
    {
        var problem = await PostAsync(json, "application/json", HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("malformed-json");
        problem.GetProperty("messageEn").GetString()!.ShouldStartWith($"the JSON is malformed at line {line}, column {column}:");
        await NothingStoredAsync("surrogate-1", "surrogate-2");
    }

    [Fact]
    public async Task A_plan_nested_too_deep_is_a_finding_and_the_server_keeps_answering()
    {
        // 100 000 levels of [ overflowed the stack while parsing and killed the server for every caller.
        var plan = "plan: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var response = await Recorder.PostAsync("/plans/validate", new StringContent(plan, Encoding.UTF8, "application/yaml"));

        var answer = await response.ReadAsync(HttpStatusCode.OK);
        answer.GetProperty("valid").GetBoolean().ShouldBeFalse();
        answer.GetProperty("diagnostics").Strings("code").ShouldContain("yaml-too-deep");
        (await fixture.Server.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_plan_of_thousands_of_mistakes_answers_with_the_first_thousand_and_the_counts()
    {
        // Each line an unknown key: one finding a line, which would make a response many times the upload.
        var plan = "plan: many\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"unknown{i}: x\n"));

        var response = await Recorder.PostAsync("/plans/validate", new StringContent(plan, Encoding.UTF8, "application/yaml"));

        var answer = await response.ReadAsync(HttpStatusCode.OK);
        answer.GetProperty("errors").GetInt32().ShouldBeGreaterThan(3000);
        answer.GetProperty("diagnostics").GetArrayLength().ShouldBe(1000);
        answer.GetProperty("truncated").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_comment_in_json_is_400_malformed_like_any_other_syntax_error()
    {
        // The API skipped comments while the service refused them: a 422 "records-invalid" for what is malformed JSON.
        var problem = await PostAsync("""/* note */ { "key": "comment-1", "activity": "concentrated-study", "on": "2014-02-21" }""", "application/json", HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("malformed-json");
        problem.GetProperty("messageEn").GetString()!.ShouldStartWith("the JSON is malformed at line 1, column 1:");
        await NothingStoredAsync("comment-1");
    }

    private async Task<System.Text.Json.JsonElement> PostAsync(string body, string contentType, HttpStatusCode expected)
    {
        var response = await Recorder.PostAsync($"/units/{Unit}/records", new StringContent(body, Encoding.UTF8, contentType));
        var problem = await response.ReadAsync(expected);
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    private async Task NothingStoredAsync(params string[] keys)
    {
        foreach (var key in keys)
        {
            (await fixture.Server.Campaigns.Stores.Records.GetAsync(Unit, key)).ShouldBeNull($"'{key}' must not be stored");
        }
    }

    /// <summary>A body written to the request stream as it goes, with no Content-Length.</summary>
    private sealed class PushStreamContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < bytes.Length; i += 65536)
            {
                await stream.WriteAsync(bytes.AsMemory(i, Math.Min(65536, bytes.Length - i)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
