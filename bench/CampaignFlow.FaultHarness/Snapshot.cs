using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.FaultHarness;

/// <summary>
/// What a host shows: every violation, open and resolved, with its evidence and the kinds of its history steps (times
/// left out: two hosts judge at different instants), each unit's workflow state (its clock left out), and every stored
/// record (read from the store after the hosts stopped).
/// </summary>
internal sealed record Snapshot(
    IReadOnlyDictionary<string, string> Violations,
    IReadOnlyDictionary<string, string> Histories,
    IReadOnlyDictionary<string, string> States,
    IReadOnlyDictionary<(string Unit, string Key), (long Sequence, string Payload)> Records)
{
    /// <summary>Reads violations and states over HTTP from a running host.</summary>
    public static async Task<Snapshot> ReadAsync(HttpClient client, Uri host, IEnumerable<string> units)
    {
        var violations = new Dictionary<string, string>(StringComparer.Ordinal);
        var histories = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += 1000)
        {
            var page = JsonNode.Parse(await GetAsync(client, new Uri(host, $"/violations?limit=1000&offset={offset}")))!;
            var items = page["items"]!.AsArray();
            foreach (var item in items)
            {
                var id = item!["id"]!.GetValue<string>();
                violations[id] = Without(item, "openedAt", "resolvedAt");
                var detail = JsonNode.Parse(await GetAsync(client, new Uri(host, "/violations/" + id)))!;
                histories[id] = string.Join(",", detail["history"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
            }

            if (items.Count < 1000)
            {
                break;
            }
        }

        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            states[unit] = Without(JsonNode.Parse(await GetAsync(client, new Uri(host, $"/units/{unit}/state")))!, "now");
        }

        return new Snapshot(violations, histories, states, new Dictionary<(string, string), (long, string)>());
    }

    /// <summary>This snapshot with the records of a side's store (its hosts stopped).</summary>
    public async Task<Snapshot> WithRecordsAsync(IRecordStore store, IEnumerable<string> units)
    {
        var records = new Dictionary<(string Unit, string Key), (long Sequence, string Payload)>();
        foreach (var unit in units)
        {
            foreach (var record in await store.ReadUnitAsync(unit))
            {
                if (!records.TryAdd((unit, record.Key), (record.Sequence, record.Payload)))
                {
                    Duplicated++;
                }
            }
        }

        return this with { Records = records };
    }

    /// <summary>Records stored twice under one key (the unique index should make this 0).</summary>
    public int Duplicated { get; private set; }

    private static async Task<string> GetAsync(HttpClient client, Uri uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static string Without(JsonNode node, params string[] names)
    {
        foreach (var name in names)
        {
            node.AsObject().Remove(name);
        }

        return node.ToJsonString();
    }
}
