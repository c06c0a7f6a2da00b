using System.Net;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary>
/// 西关街道 migrated to version 2 (its visits to the base 2次 → 3次) through one server's API, two visits then recorded
/// through another, and the clocks moved past the end of its study window (5月底): whichever server owns the street
/// judges it by version 2 — the visits are one short — with no restart (docs/adr/0026). Run on one SQLite server, where
/// every step goes through the same host, and on two servers sharing PostgreSQL, where the owner is not the host that
/// migrated.
/// </summary>
public static class MigrationThroughAnyHostScenario
{
    /// <summary>The street, whose plan <see cref="LiveVersionScenario"/> publishes a version 2 of.</summary>
    public const string Unit = "weidu-xiguan-street";

    /// <summary>The day after the street's study window closed, when its base visits are judged.</summary>
    public static readonly DateOnly Judged = new(2014, 6, 1);

    /// <summary>Publishes version 2 and migrates the street to it, both through <paramref name="through"/>.</summary>
    public static async Task MigrateAsync(CampaignServer through)
    {
        await LiveVersionScenario.PublishAsync(through);
        var applied = await (await through.As(TestTokens.Admin).PostAsync($"/plans/{PlanLifecycleScenario.Plan}/migrations",
            ApiJson.Json($$"""{"toVersion": 2, "units": ["{{Unit}}"]}"""))).ReadAsync(HttpStatusCode.OK);
        applied.GetProperty("applied").GetBoolean().ShouldBeTrue();
        (await through.As(TestTokens.Admin).GetJsonAsync($"/units/{Unit}/state")).GetProperty("unit").GetProperty("planVersion").GetInt32().ShouldBe(2);
    }

    /// <summary>The two batches of visits to 焦裕禄纪念馆, in April, recorded through <paramref name="through"/>.</summary>
    public static async Task RecordVisitsAsync(CampaignServer through)
    {
        var response = await through.As(TestTokens.Admin).PostAsync($"/units/{Unit}/records", ApiJson.Json("""
            [
              { "key": "base-visit-batch-1", "activity": "base-visit", "on": "2014-04-17", "hours": "1天", "participants": ["yang-hongwei", "zhu-jianjun"], "with": { "base": "焦裕禄纪念馆" } },
              { "key": "base-visit-batch-2", "activity": "base-visit", "on": "2014-04-24", "hours": "1天", "participants": ["sun-lijuan", "guo-lei"], "with": { "base": "焦裕禄纪念馆" } }
            ]
            """));
        (await response.ReadAsync(HttpStatusCode.Created)).GetProperty("inserted").GetInt32().ShouldBe(2);
    }

    /// <summary>The street's open violations as <paramref name="server"/> answers them, by id.</summary>
    public static async Task<Dictionary<string, JsonElement>> OpenAsync(CampaignServer server)
    {
        var page = await server.As(TestTokens.Admin).GetJsonAsync($"/violations?unit={Unit}&status=open&limit=1000");
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        page.GetProperty("total").GetInt32().ShouldBe(items.Length);
        return items.ToDictionary(v => v.GetProperty("id").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>What every server must say once the street was judged at <see cref="Judged"/>.</summary>
    public static async Task ShouldJudgeByVersionTwoAsync(CampaignServer server)
    {
        var open = await OpenAsync(server);
        open.ShouldNotBeEmpty();
        open.Values.Select(v => v.GetProperty("planVersion").GetInt32()).Distinct().ShouldBe([2], "only version 2's violations are open");
        open.Values.Select(v => v.GetProperty("requirementId").GetString()!).ShouldContain(r => r.StartsWith("base-visits:", StringComparison.Ordinal),
            "two visits meet version 1's 2次 but not version 2's 3次");
        (await server.As(TestTokens.Admin).GetJsonAsync($"/units/{Unit}/state")).GetProperty("unit").GetProperty("planVersion").GetInt32()
            .ShouldBe(2, "the unit runs the version it was migrated to");
        var step = (await server.As(TestTokens.Admin).GetJsonAsync($"/units/{Unit}/migrations")).EnumerateArray().ShouldHaveSingleItem();
        (step.GetProperty("fromVersion").GetInt32(), step.GetProperty("toVersion").GetInt32()).ShouldBe((1, 2));
    }
}
