using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Lifecycle;

/// <summary>
/// 西关街道's plan version 2 (its visits to the base 2次 → 3次) written, submitted, approved by 魏都区委's campaign
/// office and published through one server's API; at once, with no restart, a server on the same store (the same one,
/// or a second host on the PostgreSQL database) shows it as the plan's version, says what changed, and migrates the
/// street, which ran version 1 until then. Shared by the SQLite and PostgreSQL tests.
/// </summary>
public static class LiveVersionScenario
{
    private const string Plan = PlanLifecycleScenario.Plan;
    private const string Unit = "weidu-xiguan-street";

    /// <summary>Version 2 as the street's campaign office writes it: one minimum raised.</summary>
    public static string VersionTwo()
    {
        var text = PlanLifecycleScenario.VersionTwo();
        text.ShouldContain("atLeast: 2次");
        return text.Replace("atLeast: 2次", "atLeast: 3次", StringComparison.Ordinal);
    }

    /// <summary>Publishes version 2 through <paramref name="through"/>'s API, then asks <paramref name="asked"/> at once.</summary>
    public static async Task RunAsync(CampaignServer through, CampaignServer asked)
    {
        await PublishAsync(through);
        var stored = await through.Campaigns.Stores.Plans.ListAsync(Plan);
        stored.Select(v => v.Version).ShouldBe([1, 2]);
        await AnswersAsync(asked);

        // Taking the version up read the store and wrote nothing to it: both versions as they were published.
        (await asked.Campaigns.Stores.Plans.ListAsync(Plan)).Select(v => (v.Version, v.Hash, v.PublishedAt))
            .ShouldBe(stored.Select(v => (v.Version, v.Hash, v.PublishedAt)));
    }

    /// <summary>Version 2 through the lifecycle: draft, submit, approve, publish.</summary>
    public static async Task PublishAsync(CampaignServer server)
    {
        var author = server.As(TestTokens.RecorderXiguan);
        var version = $"/plans/{Plan}/versions/2";
        await (await author.PostAsync($"/plans/drafts?file={Plan}.yaml", PlanLifecycleScenario.Yaml(VersionTwo()))).ReadAsync(HttpStatusCode.Created);
        await (await author.PostAsync(version + "/submit", null)).ReadAsync(HttpStatusCode.OK);
        await (await server.As(TestTokens.RecorderWeidu).PostAsync(version + "/approve", null)).ReadAsync(HttpStatusCode.OK);
        (await (await author.PostAsync(version + "/publish", null)).ReadAsync(HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("published");
    }

    /// <summary>What a server says of the plan right after version 2 was published, then the street's migration.</summary>
    public static async Task AnswersAsync(CampaignServer server)
    {
        var admin = server.As(TestTokens.Admin);
        (await admin.GetJsonAsync($"/units/{Unit}/state")).GetProperty("unit").GetProperty("planVersion").GetInt32()
            .ShouldBe(1, "a running unit stays on its version until it is migrated");
        (await admin.GetJsonAsync($"/plans/{Plan}")).GetProperty("version").GetInt32().ShouldBe(2, "the plan's highest published version");

        // What changed, with no version named (the plan's highest against the one before) and with both named.
        foreach (var url in new[] { $"/plans/{Plan}/changes", $"/plans/{Plan}/changes?from=1&to=2" })
        {
            var changes = await (await admin.GetAsync(url)).ReadAsync(HttpStatusCode.OK);
            changes.GetProperty("before").GetProperty("version").GetInt32().ShouldBe(1);
            changes.GetProperty("after").GetProperty("version").GetInt32().ShouldBe(2);
            var items = changes.GetProperty("changes").EnumerateArray().ToArray();
            items.Select(c => c.GetProperty("subject").GetString()!).Order(StringComparer.Ordinal).ToArray().ShouldBe(["requirement", "version"], url);
            var raised = items.Single(c => c.GetProperty("subject").GetString() == "requirement");
            raised.GetProperty("messageZh").GetString()!.ShouldEndWith("至少 3 次");
        }

        var migrations = $"/plans/{Plan}/migrations";
        var dryRun = await (await admin.PostAsync(migrations, ApiJson.Json("""{"toVersion": 2, "dryRun": true}"""))).ReadAsync(HttpStatusCode.OK);
        var unit = dryRun.GetProperty("units").EnumerateArray().ShouldHaveSingleItem();
        (unit.GetProperty("unitId").GetString(), unit.GetProperty("fromVersion").GetInt32(), unit.GetProperty("toVersion").GetInt32()).ShouldBe((Unit, 1, 2));
        unit.GetProperty("lostProgress").GetArrayLength().ShouldBe(0);

        var applied = await (await admin.PostAsync(migrations, ApiJson.Json("""{"toVersion": 2}"""))).ReadAsync(HttpStatusCode.OK);
        applied.GetProperty("applied").GetBoolean().ShouldBeTrue();
        (await admin.GetJsonAsync($"/units/{Unit}/state")).GetProperty("unit").GetProperty("planVersion").GetInt32().ShouldBe(2);
        var step = (await admin.GetJsonAsync($"/units/{Unit}/migrations")).EnumerateArray().ShouldHaveSingleItem();
        (step.GetProperty("fromVersion").GetInt32(), step.GetProperty("toVersion").GetInt32()).ShouldBe((1, 2));
    }
}
