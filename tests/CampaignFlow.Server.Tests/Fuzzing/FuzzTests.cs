using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlow.Server.Demo;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Server.Tests.Fuzzing;

/// <summary>
/// The API under bad input (issue 14's fuzzer): thousands of requests made from 番禺's demo records, each answered
/// with a 2xx or a 4xx carrying a problem with its code, never a 5xx, and what was stored before still there. The
/// count is <c>FUZZ_REQUESTS</c> (default 1,000 here; the fault harness runs 6,000: see bench/README.md).
/// </summary>
public sealed class FuzzTests
{
    [Fact]
    public async Task No_bad_request_gets_a_5xx_or_loses_what_was_stored()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1000;
        using var server = new CampaignServer(new DateOnly(2014, 4, 15));
        var admin = server.As(TestTokens.Admin);
        var log = DemoLog.Read(Repository.Path("definitions", "activities", "panyu-ftu-2014.yaml"));
        var records = log.Days.SelectMany(d => d.Records).OfType<JsonObject>().Select(r => (JsonObject)r.DeepClone()).ToArray();
        var stored = await admin.PostAsync("/units/panyu-ftu/records", new StringContent(records[0].ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        stored.IsSuccessStatusCode.ShouldBeTrue(await stored.Content.ReadAsStringAsync());
        var before = (await admin.GetJsonAsync("/violations?unit=panyu-ftu&limit=1000")).GetProperty("total").GetInt32();
        var original = (await server.Campaigns.Service.ReadRecordsAsync("panyu-ftu")).ShouldNotBeNull().ShouldHaveSingleItem();

        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var request in new RequestFuzzer(20141206, records, "panyu-ftu").Make(count))
        {
            using var message = request.ToMessage();
            using var response = await admin.SendAsync(message);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                failures.Add($"{status} for {request.Method} {request.Path} ({request.What}): {text[..Math.Min(300, text.Length)]}");
            }
            else if (status >= 400 && !IsProblem(text))
            {
                failures.Add($"{status} without a problem's code for {request.Method} {request.Path} ({request.What}): {text[..Math.Min(300, text.Length)]}");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(20)));
        statuses.Keys.ShouldContain(400);
        statuses.Keys.ShouldContain(422);
        (await admin.GetAsync("/units/panyu-ftu/records")).StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        var record = await server.Campaigns.Service.ReadRecordsAsync("panyu-ftu");
        // Most mutated records keep a stored record's key: none may take its place or change what it says.
        record.ShouldNotBeNull().Single(r => r.Key == original.Key).ShouldBe(original, "what was stored before the fuzzing is still there, unchanged");
        (await admin.GetJsonAsync("/health")).GetProperty("status").GetString().ShouldBe("ok");
        (await admin.GetJsonAsync("/violations?unit=panyu-ftu&limit=1000")).GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(before);
    }

    private static bool IsProblem(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
