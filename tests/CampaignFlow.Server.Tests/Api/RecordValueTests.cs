using System.Net;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// Values of the wrong kind — a null or a list where a record says what it is — are a 422 at the value's line and
/// column, never a 500, and nothing of the batch is stored.
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

    private HttpClient Recorder => fixture.Server.As(TestTokens.RecorderPanyu);

    /// <summary>Posts <paramref name="json"/>, expects a 422 with one finding on line 1, and that none of <paramref name="keys"/> was stored.</summary>
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
