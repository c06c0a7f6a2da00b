using System.Net;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// JSON that parses but holds a value of the wrong type for a field (a number for a comment, one unit id for the
/// list of units) is a 400 naming the field and its line:column in both languages, not a message of the JSON
/// library naming the server's own types; JSON that does not parse stays a malformed-json 400. A record giving a key
/// twice is a finding naming the key in words of the caller's language, not the YAML library's English; JSON that
/// does not parse is told in Chinese without the JSON reader's English reason, which stays in the English message.
/// </summary>
public sealed class WrongShapedJsonTests(WrongShapedJsonTests.Fixture fixture) : IClassFixture<WrongShapedJsonTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public CampaignServer Server { get; } = new(start: new DateOnly(2014, 3, 1));

        public void Dispose() => Server.Dispose();
    }

    [Fact]
    public async Task A_migration_request_with_one_unit_id_for_the_list_names_units_and_its_position()
    {
        const string Json = """{"toVersion": 1, "units": "panyu-ftu"}""";
        var problem = await PostAsync("/plans/panyu-ftu-2014/migrations", Json);

        var column = After(Json, "\"panyu-ftu\"");
        problem.GetProperty("code").GetString().ShouldBe("bad-migration-request");
        problem.GetProperty("messageZh").GetString()!.ShouldStartWith($"无法识别迁移请求（第 1 行第 {column} 列，“units”）");
        problem.GetProperty("messageEn").GetString()!.ShouldStartWith($"the migration request is not understood at line 1, column {column} ('units')");
        Internals(problem).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plan_step_with_a_number_for_its_comment_names_comment_and_its_position()
    {
        const string Json = """{"comment": 5}""";
        var problem = await PostAsync("/plans/panyu-ftu-2014/versions/1/approve", Json);

        var column = After(Json, "5");
        problem.GetProperty("code").GetString().ShouldBe("bad-plan-step-request");
        problem.GetProperty("messageZh").GetString()!.ShouldStartWith($"无法识别请求（第 1 行第 {column} 列，“comment”）");
        problem.GetProperty("messageEn").GetString()!.ShouldStartWith($"the request is not understood at line 1, column {column} ('comment')");
        Internals(problem).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plan_step_whose_json_does_not_parse_is_still_malformed_json_at_its_position()
    {
        var problem = await PostAsync("/plans/panyu-ftu-2014/versions/1/approve", """{"comment": }""");

        problem.GetProperty("code").GetString().ShouldBe("malformed-json");
        problem.GetProperty("messageEn").GetString()!.ShouldStartWith("the JSON is malformed at line 1, column 13:");
    }

    [Fact]
    public async Task A_record_giving_a_key_twice_is_a_finding_naming_the_key_at_its_second_place_and_nothing_is_stored()
    {
        const string Json = """{"key": "twice-1", "activity": "concentrated-study", "activity": "talk", "on": "2014-02-21", "hours": "半天"}""";

        var response = await fixture.Server.As(TestTokens.RecorderPanyu).PostAsync("/units/panyu-ftu/records", ApiJson.Json(Json));

        var finding = (await response.ReadAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("diagnostics").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("code").GetString().ShouldBe("duplicate-key");
        finding.GetProperty("column").GetInt32().ShouldBe(Json.LastIndexOf("\"activity\"", StringComparison.Ordinal) + 1);
        finding.GetProperty("messageZh").GetString()!.ShouldContain("“activity”");
        finding.GetProperty("messageZh").GetString()!.ShouldNotContain("Duplicate");
        finding.GetProperty("messageEn").GetString()!.ShouldContain("'activity'");
        (await fixture.Server.Campaigns.Stores.Records.GetAsync("panyu-ftu", "twice-1")).ShouldBeNull();
    }

    [Theory]
    [InlineData("/units/panyu-ftu/records", """{"key": "typo-1", "activity": tru}""")]
    [InlineData("/plans/panyu-ftu-2014/versions/1/approve", """{"comment": "ok",, }""")]
    [InlineData("/plans/panyu-ftu-2014/migrations", """{"toVersion": 1""")]
    public async Task Malformed_json_is_told_in_chinese_at_its_line_and_column_and_its_reason_in_english(string path, string json)
    {
        var problem = await (await fixture.Server.As(TestTokens.Admin).PostAsync(path, ApiJson.Json(json))).ReadAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("malformed-json");
        var chinese = problem.GetProperty("messageZh").GetString()!;
        chinese.ShouldStartWith("JSON 格式错误（第 1 行第 ");
        System.Text.RegularExpressions.Regex.Matches(chinese, "[A-Za-z]+").Select(m => m.Value).Distinct()
            .ShouldBeSubsetOf(["JSON", "true", "false", "null"], chinese);
        problem.GetProperty("messageEn").GetString()!.Length.ShouldBeGreaterThan("the JSON is malformed at line 1, column 1: ".Length);
    }

    // The serializer stops just after the value it could not convert.
    private static int After(string json, string value) => json.IndexOf(value, StringComparison.Ordinal) + value.Length + 1;

    private static IEnumerable<string> Internals(JsonElement problem) =>
        new[] { "messageZh", "messageEn" }.Select(p => problem.GetProperty(p).GetString()!)
            .Where(m => m.Contains("System.", StringComparison.Ordinal) || m.Contains("CampaignFlow.", StringComparison.Ordinal));

    private async Task<JsonElement> PostAsync(string path, string json) =>
        await (await fixture.Server.As(TestTokens.Admin).PostAsync(path, ApiJson.Json(json))).ReadAsync(HttpStatusCode.BadRequest);
}
