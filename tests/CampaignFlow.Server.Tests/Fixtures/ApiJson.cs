using System.Net;
using System.Text;
using System.Text.Json;

namespace CampaignFlow.Server.Tests.Fixtures;

/// <summary>Small helpers to send bodies and read JSON answers in tests.</summary>
public static class ApiJson
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsync(HttpStatusCode.OK);

    public static IEnumerable<string> Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!);
}
