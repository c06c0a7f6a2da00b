using System.Net;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// Values of the right shape but the wrong kind or size — a null or a list where a record says what it is, a key that
/// is not text, hours no day can hold, a day centuries from the campaign, an end before the start — are a 422 at the
/// value's line and column, never a 500, and nothing of the batch is stored.
/// </summary>
public sealed class RecordValueTests(RecordValueTests.Fixture fixture) : IClassFixture<RecordValueTests.Fixture>
{
    private const string Unit = "panyu-ftu";

    public sealed class Fixture : IDisposable
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public void Dispose() => Server.Dispose();
    }

    [Theory]
    [InlineData("activity", "null", "'activity' in record has no value")]
    [InlineData("activity", "[\"concentrated-study\"]", "'activity' must be text, not list")]
    [InlineData("document", "null", "'document' in record has no value")]
    [InlineData("document", "[]", "'document' must be text, not list")]
    [InlineData("ledger", "null", "'ledger' in record has no value")]
    [InlineData("ledger", "{ \"a\": 1 }", "'ledger' must be text, not mapping")]
    [InlineData("publish", "null", "'publish' in record has no value")]
    [InlineData("review", "null", "'review' in record has no value")]
    [InlineData("review", "[\"x\"]", "'review' must be text, not list")]
    [InlineData("exception", "null", "'exception' in record has no value")]
    [InlineData("exception", "[1]", "'exception' must be text, not list")]
    public async Task A_null_or_a_collection_where_a_record_says_what_it_is_is_422_at_the_value(string field, string value, string message)
    {
        var key = $"kind-{field}-{value.Length}";
        var json = $$"""{ "key": "{{key}}", "{{field}}": {{value}}, "on": "2014-03-07", "by": "principal" }""";

        var finding = await RefusedAsync(json, key);

        finding.GetProperty("messageEn").GetString().ShouldBe(message);
        finding.GetProperty("column").GetInt32().ShouldBe(json.IndexOf(value, StringComparison.Ordinal) + 1);
    }

    [Theory]
    [InlineData("99999999999天", "99999999999天 is more than the 24 h that 1 day(s) hold")]
    [InlineData("79228162514264337593543950335天", "79228162514264337593543950335天 is more than the 24 h that 1 day(s) hold")]
    [InlineData("25h", "25h is more than the 24 h that 1 day(s) hold")]
    public async Task Hours_no_day_can_hold_are_422_at_the_hours(string hours, string message)
    {
        var key = $"huge-hours-{hours.Length}";
        var json = $$"""{ "key": "{{key}}", "activity": "concentrated-study", "on": "2014-03-07", "hours": "{{hours}}", "participants": ["su-zhibang"] }""";

        var finding = await RefusedAsync(json, key);

        finding.GetProperty("code").GetString().ShouldBe("hours-implausible");
        finding.GetProperty("messageEn").GetString().ShouldBe(message);
        finding.GetProperty("column").GetInt32().ShouldBe(json.IndexOf($"\"{hours}\"", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public async Task An_amount_too_large_for_a_number_is_422_not_an_overflow()
    {
        var json = """{ "key": "overflow-hours", "activity": "concentrated-study", "on": "2014-03-07", "hours": "79228162514264337593543950335万天" }""";

        var finding = await RefusedAsync(json, "overflow-hours");

        finding.GetProperty("code").GetString().ShouldBe("bad-quantity");
    }

    [Fact]
    public async Task Hours_within_the_days_of_the_record_are_stored()
    {
        var json = """{ "key": "long-study", "activity": "concentrated-study", "on": "2014-03-03", "until": "2014-03-05", "hours": "72小时", "participants": ["su-zhibang"] }""";

        var answer = await (await Recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(json))).ReadAsync(HttpStatusCode.Created);

        answer.GetProperty("inserted").GetInt32().ShouldBe(1);
        (await fixture.Server.Campaigns.Stores.Records.GetAsync(Unit, "long-study")).ShouldNotBeNull().Payload.ShouldContain("\"hours\":72,");
    }

    [Theory]
    [InlineData("on", "9999-12-31")]
    [InlineData("on", "0001-01-01")]
    [InlineData("until", "2099-03-07")]
    [InlineData("at", "1900-03-07 09:00")]
    public async Task A_day_years_away_from_the_campaign_is_422_at_the_day(string field, string day)
    {
        var key = $"far-{field}-{day[..4]}";
        var json = field == "on"
            ? $$"""{ "key": "{{key}}", "activity": "concentrated-study", "on": "{{day}}", "hours": "半天" }"""
            : field == "until"
                ? $$"""{ "key": "{{key}}", "activity": "concentrated-study", "on": "2014-03-07", "until": "{{day}}" }"""
                : $$"""{ "key": "{{key}}", "activity": "concentrated-study", "at": "{{day}}", "hours": "半天" }""";

        var finding = await RefusedAsync(json, key);

        finding.GetProperty("code").GetString().ShouldBe("day-implausible");
        finding.GetProperty("messageEn").GetString()!.ShouldStartWith($"{day[..10]} is more than 5 years from the campaign (2014-02-01..2014-09-30)");
        finding.GetProperty("column").GetInt32().ShouldBe(json.IndexOf($"\"{day}\"", StringComparison.Ordinal) + 1);
    }

    [Theory]
    [InlineData("""{ "key": "backwards-day", "activity": "concentrated-study", "on": "2014-03-07", "until": "2014-03-06" }""", "2014-03-06", "2014-03-07")]
    [InlineData("""{ "key": "backwards-time", "activity": "concentrated-study", "at": "2014-03-07 15:00", "until": "2014-03-07 09:00" }""", "2014-03-07 09:00", "2014-03-07 15:00")]
    public async Task An_end_before_the_start_is_422_at_the_end(string json, string until, string start)
    {
        var key = JsonDocument.Parse(json).RootElement.GetProperty("key").GetString()!;

        var finding = await RefusedAsync(json, key);

        finding.GetProperty("code").GetString().ShouldBe("until-before-start");
        finding.GetProperty("messageEn").GetString().ShouldBe($"'until' ({until}) is before the record's start ({start})");
        finding.GetProperty("column").GetInt32().ShouldBe(json.IndexOf($"\"{until}\"", StringComparison.Ordinal) + 1);
    }

    [Theory]
    [InlineData("\"\"", "'key' in record has no value")]
    [InlineData("\"  \"", "'key' in record has no value")]
    [InlineData("true", "'key' must be text, not the bare true: write it in quotes (\"true\")")]
    [InlineData("123", "'key' must be text, not the bare 123: write it in quotes (\"123\")")]
    public async Task A_key_that_is_empty_or_not_a_string_is_422_at_the_key(string key, string message)
    {
        var json = $$"""[ { "key": "good-{{key.Length}}", "activity": "concentrated-study", "on": "2014-03-07", "hours": "半天" }, { "key": {{key}}, "activity": "concentrated-study", "on": "2014-03-07" } ]""";

        var finding = await RefusedAsync(json, $"good-{key.Length}", key.Trim('"'));

        finding.GetProperty("messageEn").GetString().ShouldBe(message);
        finding.GetProperty("column").GetInt32().ShouldBe(json.IndexOf($"\"key\": {key}", StringComparison.Ordinal) + 8);
    }

    [Fact]
    public async Task The_same_mistakes_in_a_csv_import_are_422_at_their_cells()
    {
        string[] lines =
        [
            "key,activity,on,until,hours",
            "csv-huge,concentrated-study,2014-03-07,,99999999999天",
            "csv-far,concentrated-study,9999-12-31,,半天",
            "csv-backwards,concentrated-study,2014-03-07,2014-03-06,",
            "csv-fine,concentrated-study,2014-03-07,,半天",
        ];

        var response = await Recorder.PostAsync($"/units/{Unit}/records", ApiJson.Csv(string.Join("\n", lines) + "\n"));

        var problem = await response.ReadAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("diagnostics").EnumerateArray().Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}")
            .ShouldBe([
                $"hours-implausible 2:{lines[1].IndexOf("99999999999天", StringComparison.Ordinal) + 1}",
                $"day-implausible 3:{lines[2].IndexOf("9999-12-31", StringComparison.Ordinal) + 1}",
                $"until-before-start 4:{lines[3].IndexOf("2014-03-06", StringComparison.Ordinal) + 1}",
            ]);
        await NothingStoredAsync("csv-huge", "csv-far", "csv-backwards", "csv-fine");
    }

    [Fact]
    public async Task A_place_the_plan_does_not_list_is_422_at_the_value_in_json_and_csv()
    {
        // 绵阳's research trips name the place they went to; zhongxin-town is not one of the plan's places.
        var mianyang = fixture.Server.As(TestTokens.RecorderMianyang);
        const string Json = """{ "key": "trip-nowhere", "activity": "research-trip", "on": "2014-02-27", "participants": ["zhang-jianguo"], "with": { "place": "zhongxin-town" } }""";

        var response = await mianyang.PostAsync("/units/mianyang-ftu/records", ApiJson.Json(Json));

        var problem = await response.ReadAsync(HttpStatusCode.UnprocessableEntity);
        var finding = problem.GetProperty("diagnostics").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("code").GetString().ShouldBe("unknown-place");
        finding.GetProperty("column").GetInt32().ShouldBe(Json.IndexOf("\"zhongxin-town\"", StringComparison.Ordinal) + 1);
        finding.GetProperty("messageZh").GetString()!.ShouldStartWith("“zhongxin-town”不是方案所列的地点");
        finding.GetProperty("messageEn").GetString()!.ShouldContain("did you mean 'zhongxing-town'?");

        string[] lines = ["key,activity,on,participants,with", "trip-nowhere-csv,research-trip,2014-02-27,zhang-jianguo,place=zhongxin-town"];
        var csv = await (await mianyang.PostAsync("/units/mianyang-ftu/records", ApiJson.Csv(string.Join("\n", lines) + "\n"))).ReadAsync(HttpStatusCode.UnprocessableEntity);
        csv.GetProperty("diagnostics").EnumerateArray().Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}")
            .ShouldBe([$"unknown-place 2:{lines[1].IndexOf("place=", StringComparison.Ordinal) + 1}"]);
        foreach (var key in new[] { "trip-nowhere", "trip-nowhere-csv" })
        {
            (await fixture.Server.Campaigns.Stores.Records.GetAsync("mianyang-ftu", key)).ShouldBeNull();
        }
    }

    private HttpClient Recorder => fixture.Server.As(TestTokens.RecorderPanyu);

    /// <summary>Posts <paramref name="json"/>, expects a 422 with one finding on line 1, and that none of <paramref name="keys"/> was stored.</summary>
    [Theory]
    [InlineData("五")]
    [InlineData("-1")]
    [InlineData("3.5")]
    public async Task Votes_a_re_work_share_reads_that_are_no_whole_count_are_422_at_the_value(string votes)
    {
        // The seed's evaluation of the democratic life meeting, its 不满意 votes written as no count: a share of it
        // would be judged as 0 and the meeting would pass.
        var log = CampaignFlow.Server.Demo.DemoLog.Read(CampaignFlow.Tests.Shared.Repository.Path("definitions", "activities", "panyu-ftu-2014.yaml"));
        var evaluation = log.Days.SelectMany(d => d.Records).OfType<System.Text.Json.Nodes.JsonObject>().First(r => r["with"]?["unsatisfied"] is not null);
        var key = $"votes-{votes.Length}-{(int)votes[0]}";
        var record = new System.Text.Json.Nodes.JsonObject
        {
            ["key"] = key,
            ["activity"] = (string?)evaluation["activity"],
            ["on"] = "2014-03-07",
            ["with"] = new System.Text.Json.Nodes.JsonObject { ["satisfied"] = "20", ["basic"] = "7", ["unsatisfied"] = votes },
        };
        var json = record.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var finding = await RefusedAsync(json, key);

        finding.GetProperty("code").GetString().ShouldBe("votes-not-a-count");
        finding.GetProperty("column").GetInt32().ShouldBe(json.IndexOf($"\"{votes}\"", StringComparison.Ordinal) + 1);
    }

    private async Task<JsonElement> RefusedAsync(string json, params string[] keys)
    {
        var response = await Recorder.PostAsync($"/units/{Unit}/records", ApiJson.Json(json));

        var problem = await response.ReadAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("records-invalid");
        var findings = problem.GetProperty("diagnostics").EnumerateArray().ToArray();
        findings.Length.ShouldBe(1, problem.ToString());
        findings[0].GetProperty("line").GetInt32().ShouldBe(1);
        findings[0].GetProperty("messageZh").GetString().ShouldNotBeNullOrWhiteSpace();
        await NothingStoredAsync(keys);
        return findings[0];
    }

    private async Task NothingStoredAsync(params string[] keys)
    {
        foreach (var key in keys)
        {
            (await fixture.Server.Campaigns.Stores.Records.GetAsync(Unit, key)).ShouldBeNull($"'{key}' must not be stored");
        }
    }
}
