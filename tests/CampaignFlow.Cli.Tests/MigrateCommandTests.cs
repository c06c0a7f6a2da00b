using System.Text;
using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow migrate</c> against a running server: 西关街道 recorded its demo log under version 1 of its plan and
/// version 2 (base visits 3次, the 民意快线 deadline 4月底, an action 民意快线回访 added) was published at a restart. The
/// dry run reads as a policy author's list in Chinese and English and as the API's JSON; applying it without
/// --accept-lost-progress is refused, naming what would be lost; with it, the unit runs version 2.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _definitions = Directory.CreateTempSubdirectory("campaignflow-migrate-").FullName;
    private readonly string _data = CampaignServer.NewDataFolder();

    [Fact]
    public async Task A_dry_run_in_Chinese_English_and_JSON_then_refused_for_lost_progress_then_applied()
    {
        using var server = await ServerOnVersion2Async();
        using var http = server.Server.CreateHandler();
        string[] migrate = ["migrate", "weidu-xiguan-street-2014", "--to", "2", "--server", "http://localhost", "--token", TestTokens.Admin];

        var zh = CliRun.Against(http, null, [.. migrate, "--dry-run", "--lang", "zh-CN"]);

        zh.ExitCode.ShouldBe(0, zh.Error);
        zh.Output.ShouldStartWith("魏都区西关街道党工委（weidu-xiguan-street）：第 1 版 → 第 2 版");
        zh.Output.ShouldContain("  方案变化：");
        zh.Output.ShouldContain("民意快线回访群众");
        zh.Output.ShouldContain("  按已存记录将新增的违规：");
        zh.Output.ShouldContain("  将丢失的进度：\n    “开通“民意快线”，畅通民意表达渠道”的时间窗口（2014年3月31日）已经结束，第 2 版将其改为 2014年4月30日");
        zh.Error.ShouldContain("试运行：未做任何更改。1 个单位将迁移到第 2 版");
        zh.Error.ShouldContain("--accept-lost-progress");

        var en = CliRun.Against(http, null, [.. migrate, "--dry-run", "--lang", "en"]);
        en.ExitCode.ShouldBe(0, en.Error);
        en.Output.ShouldStartWith("魏都区西关街道党工委 (weidu-xiguan-street): version 1 → 2");
        en.Output.ShouldContain("  Violations that would resolve:");
        en.Error.ShouldContain("Dry run: nothing was changed.");

        var json = CliRun.Against(http, null, [.. migrate, "--dry-run", "--format", "json"]);
        json.ExitCode.ShouldBe(0, json.Error);
        using (var document = JsonDocument.Parse(json.Output))
        {
            var unit = document.RootElement.GetProperty("units").EnumerateArray().ShouldHaveSingleItem();
            unit.GetProperty("opening").EnumerateArray().Select(v => v.GetProperty("requirementId").GetString()).ShouldBe(["hotline-callbacks:count-in-window"]);
            unit.GetProperty("resolving").EnumerateArray().Select(v => v.GetProperty("requirementId").GetString()).ShouldBe(["people-hotline:deadline"]);
        }

        var refused = CliRun.Against(http, null, [.. migrate, "--lang", "zh-CN"]);
        refused.ExitCode.ShouldBe(5);
        refused.Error.ShouldContain("未迁移：迁移到第 2 版将丢失已有进度：weidu-xiguan-street：");
        server.Campaigns.Service.FindUnit("weidu-xiguan-street")!.PlanVersion.ShouldBe(1);

        var applied = CliRun.Against(http, null, [.. migrate, "--accept-lost-progress", "--lang", "zh-CN"]);
        applied.ExitCode.ShouldBe(0, applied.Error);
        applied.Error.ShouldContain("已将 1 个单位迁移到方案“weidu-xiguan-street-2014”第 2 版。");
        server.Campaigns.Service.FindUnit("weidu-xiguan-street")!.PlanVersion.ShouldBe(2);
    }

    [Fact]
    public void A_version_that_is_not_a_number_is_a_usage_error()
    {
        var run = CliRun.Of("migrate", "weidu-xiguan-street-2014", "--to", "two", "--server", "http://localhost", "--token", "t", "--lang", "en");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--to 'two' is not a version");
    }

    public void Dispose()
    {
        Directory.Delete(_definitions, recursive: true);
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<CampaignServer> ServerOnVersion2Async()
    {
        Repository.CopyFolder("definitions", _definitions);

        var settings = new Dictionary<string, string?> { ["CampaignFlow:Definitions"] = _definitions };
        using (var first = new CampaignServer(start: new DateOnly(2014, 5, 1), settings: settings, dataFolder: _data))
        {
            var log = await File.ReadAllTextAsync(Path.Combine(_definitions, "activities", "weidu-xiguan-street-2014.yaml"));
            (await first.Campaigns.Service.RecordAsync("weidu-xiguan-street", log, RecordFormat.Yaml, "secretary")).Diagnostics.ShouldBeEmpty();
        }

        var plan = Path.Combine(_definitions, "weidu-xiguan-street-2014.yaml");
        await File.WriteAllTextAsync(plan, (await File.ReadAllTextAsync(plan, Encoding.UTF8))
            .Replace("\ntitle: ", "\nversion: 2\ntitle: ", StringComparison.Ordinal)
            .Replace("atLeast: 2次", "atLeast: 3次", StringComparison.Ordinal)
            .Replace("            by: 3月底前\n", string.Join('\n',
                "            by: 4月底前",
                "          - id: hotline-callbacks",
                "            title: 民意快线回访群众",
                "            activity: hotline",
                "            atLeast: 2次",
                ""), StringComparison.Ordinal), new UTF8Encoding(false));
        return new CampaignServer(start: new DateOnly(2014, 6, 15), settings: settings, dataFolder: _data);
    }
}
