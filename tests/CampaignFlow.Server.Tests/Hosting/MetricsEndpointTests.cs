using System.Globalization;
using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Hosting;

/// <summary>
/// <c>GET /metrics</c> answers a Prometheus scraper without a token, in the text exposition format, with the campaign
/// service's counters beside ASP.NET Core's and the runtime's; it shows counts, never records or names.
/// </summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task A_scrape_after_a_recording_counts_it_and_the_units_running()
    {
        using var server = new CampaignServer(start: new DateOnly(2014, 3, 1));
        var record = """{ "key": "study-w09", "activity": "concentrated-study", "on": "2014-02-28", "hours": "半天", "participants": ["su-zhibang"] }""";
        await (await server.As(TestTokens.RecorderPanyu).PostAsync("/units/panyu-ftu/records", ApiJson.Json(record))).ReadAsync(HttpStatusCode.Created);

        using var scrape = await server.As(token: null).GetAsync("/metrics");

        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        scrape.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await scrape.Content.ReadAsStringAsync();
        var samples = Parse(text);
        // Other servers of the test run may share the process's meters: at least this one's.
        samples.Where(s => s.Name == "campaignflow_records_stored_total" && s.Labels.Contains("outcome=\"inserted\"")).Sum(s => s.Value).ShouldBeGreaterThanOrEqualTo(1);
        samples.Where(s => s.Name == "campaignflow_recordings_total" && s.Labels.Contains("result=\"stored\"")).Sum(s => s.Value).ShouldBeGreaterThanOrEqualTo(1);
        samples.ShouldContain(s => s.Name == "campaignflow_recording_duration_seconds_count");
        // The unit's session judged the weeks of February that closed before the clock's day.
        samples.Where(s => s.Name == "campaignflow_rules_fired_total").Sum(s => s.Value).ShouldBeGreaterThanOrEqualTo(1);
        samples.ShouldContain(s => s.Name == "campaignflow_units_running" && s.Value >= server.Campaigns.Service.Units.Count);
        samples.ShouldContain(s => s.Name.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
        text.ShouldNotContain("su-zhibang");
        text.ShouldNotContain("苏");
    }

    [Fact]
    public async Task The_endpoint_is_not_in_the_api_document()
    {
        using var server = new CampaignServer();
        var document = await server.As(token: null).GetStringAsync("/openapi/v1.json");
        document.ShouldNotContain("/metrics");
    }

    /// <summary>The samples of the text exposition format: <c>name{labels} value [timestamp]</c>; comments skipped.</summary>
    private static List<(string Name, string Labels, double Value)> Parse(string text)
    {
        var samples = new List<(string, string, double)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var close = line.LastIndexOf('}');
            var name = brace < 0 ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line[..brace];
            var labels = brace < 0 ? "" : line[(brace + 1)..close];
            var rest = (brace < 0 ? line[name.Length..] : line[(close + 1)..]).Trim().Split(' ');
            samples.Add((name, labels, double.Parse(rest[0], CultureInfo.InvariantCulture)));
        }

        samples.ShouldNotBeEmpty();
        return samples;
    }
}
