using System.Net;
using System.Text;
using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// <c>POST /plans/{id}/migrations</c> on a server's data folder: 西关街道 recorded its demo log under version 1; its
/// plan's version 2 (base visits 3次, the 民意快线 deadline 4月底, an action 民意快线回访 added) is published at a
/// restart, the unit stays on version 1, an administrator sees the dry run in Chinese and English and applies it.
/// </summary>
public sealed class MigrationEndpointTests : IDisposable
{
    private const string Path = "/plans/weidu-xiguan-street-2014/migrations";
    private readonly string _definitions = Directory.CreateTempSubdirectory("campaignflow-migrations-").FullName;
    private readonly string _data = CampaignServer.NewDataFolder();

    [Fact]
    public async Task A_dry_run_in_both_languages_then_a_refusal_for_lost_progress_then_the_migration_in_the_units_history()
    {
        Copy(Repository.Path("definitions"), _definitions);
        var settings = new Dictionary<string, string?> { ["CampaignFlow:Definitions"] = _definitions };
        using (var first = new CampaignServer(start: new DateOnly(2014, 5, 1), settings: settings, dataFolder: _data))
        {
            var log = await File.ReadAllTextAsync(System.IO.Path.Combine(_definitions, "activities", "weidu-xiguan-street-2014.yaml"));
            (await first.Campaigns.Service.RecordAsync("weidu-xiguan-street", log, RecordFormat.Yaml, "secretary")).Diagnostics.ShouldBeEmpty();
        }

        await WriteVersion2Async();
        using var server = new CampaignServer(start: new DateOnly(2014, 6, 15), settings: settings, dataFolder: _data);
        var admin = server.As(TestTokens.Admin, "zh-CN");
        (await admin.GetJsonAsync("/units/weidu-xiguan-street/state")).GetProperty("unit").GetProperty("planVersion").GetInt32().ShouldBe(1);

        var zh = await (await admin.PostAsync(Path, ApiJson.Json("""{"toVersion": 2, "dryRun": true}"""))).ReadAsync(HttpStatusCode.OK);
        zh.GetProperty("applied").GetBoolean().ShouldBeFalse();
        var unit = zh.GetProperty("units").EnumerateArray().ShouldHaveSingleItem();
        (unit.GetProperty("fromVersion").GetInt32(), unit.GetProperty("toVersion").GetInt32()).ShouldBe((1, 2));
        unit.GetProperty("changes").Strings("messageZh").ShouldContain(m => m.Contains("民意快线回访群众", StringComparison.Ordinal));
        unit.GetProperty("opening").Strings("requirementId").ShouldBe(["hotline-callbacks:count-in-window"]);
        unit.GetProperty("resolving").Strings("requirementId").ShouldBe(["people-hotline:deadline"]);
        unit.GetProperty("lostProgress").Strings("kind").ShouldBe(["window-moved"]);
        var en = await (await server.As(TestTokens.Admin).PostAsync(Path, ApiJson.Json("""{"toVersion": 2, "dryRun": true}"""))).ReadAsync(HttpStatusCode.OK);
        en.GetProperty("units")[0].GetProperty("lostProgress").Strings("messageEn").ShouldHaveSingleItem().ShouldContain("has already closed");
        (await admin.GetJsonAsync("/units/weidu-xiguan-street/state")).GetProperty("unit").GetProperty("planVersion").GetInt32().ShouldBe(1, "a dry run moves nothing");

        (await server.As(TestTokens.Auditor).PostAsync(Path, ApiJson.Json("""{"toVersion": 2, "dryRun": true}"""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(await admin.PostAsync(Path, ApiJson.Json("""{"toVersion": "two"}""")), HttpStatusCode.BadRequest)).Code.ShouldBe("bad-migration-request");
        (await ProblemAsync(await admin.PostAsync(Path, ApiJson.Json("""{"toVersion": 7}""")), HttpStatusCode.NotFound)).Code.ShouldBe("unknown-plan-version");
        (await ProblemAsync(await admin.PostAsync(Path, ApiJson.Json("""{"toVersion": 2, "units": ["panyu-ftu"]}""")), HttpStatusCode.BadRequest)).Code.ShouldBe("migration-unit-not-on-plan");
        (await ProblemAsync(await admin.PostAsync("/plans/no-such-plan/migrations", ApiJson.Json("""{"toVersion": 2}""")), HttpStatusCode.NotFound)).Code.ShouldBe("unknown-plan");
        var refused = await ProblemAsync(await admin.PostAsync(Path, ApiJson.Json("""{"toVersion": 2}""")), HttpStatusCode.Conflict);
        refused.Code.ShouldBe("migration-lost-progress");
        refused.Detail.ShouldContain("weidu-xiguan-street：");
        refused.Detail.ShouldContain("acceptLostProgress");

        var applied = await (await admin.PostAsync(Path, ApiJson.Json("""{"toVersion": 2, "acceptLostProgress": true}"""))).ReadAsync(HttpStatusCode.OK);

        applied.GetProperty("applied").GetBoolean().ShouldBeTrue();
        applied.GetProperty("units")[0].GetProperty("opening").GetRawText().ShouldBe(unit.GetProperty("opening").GetRawText());
        (await admin.GetJsonAsync("/units/weidu-xiguan-street/state")).GetProperty("unit").GetProperty("planVersion").GetInt32().ShouldBe(2);
        var step = (await admin.GetJsonAsync("/units/weidu-xiguan-street/migrations")).EnumerateArray().ShouldHaveSingleItem();
        (step.GetProperty("fromVersion").GetInt32(), step.GetProperty("toVersion").GetInt32(), step.GetProperty("by").GetString()).ShouldBe((1, 2, TestTokens.Admin));
    }

    public void Dispose()
    {
        Directory.Delete(_definitions, recursive: true);
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task WriteVersion2Async()
    {
        var file = System.IO.Path.Combine(_definitions, "weidu-xiguan-street-2014.yaml");
        var text = (await File.ReadAllTextAsync(file, Encoding.UTF8))
            .Replace("\ntitle: ", "\nversion: 2\ntitle: ", StringComparison.Ordinal)
            .Replace("atLeast: 2次", "atLeast: 3次", StringComparison.Ordinal)
            .Replace("            by: 3月底前\n", string.Join('\n',
                "            by: 4月底前",
                "          - id: hotline-callbacks",
                "            title: 民意快线回访群众",
                "            activity: hotline",
                "            atLeast: 2次",
                ""), StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text, new UTF8Encoding(false));
    }

    private static async Task<(string? Code, string Detail)> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (problem.RootElement.GetProperty("code").GetString(), problem.RootElement.GetProperty("detail").GetString() ?? "");
    }

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var source in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(source, source.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
