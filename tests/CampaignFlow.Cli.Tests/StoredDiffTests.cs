using System.Text;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow diff PLAN@1 PLAN@2 --data DIR</c>: two published versions read from a server's data folder — 番禺区总工会's
/// plan published as version 1, then tightened on disk as version 2 and the server restarted on the same folder.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class StoredDiffTests : IDisposable
{
    private readonly string _definitions = Directory.CreateTempSubdirectory("campaignflow-stored-diff-").FullName;
    private readonly string _data = CampaignServer.NewDataFolder();

    [Fact]
    public void Two_published_versions_are_compared_from_the_data_folder_and_bad_names_are_refused()
    {
        var definitions = Repository.Path("definitions");
        foreach (var file in Directory.EnumerateFiles(definitions, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_definitions, Path.GetRelativePath(definitions, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var settings = new Dictionary<string, string?> { ["CampaignFlow:Definitions"] = _definitions };
        using (var first = new CampaignServer(settings: settings, dataFolder: _data))
        {
            _ = first.Services;
        }

        var plan = Path.Combine(_definitions, "panyu-ftu-2014.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan, Encoding.UTF8)
            .Replace("plan: panyu-ftu-2014\n", "plan: panyu-ftu-2014\nversion: 2\n", StringComparison.Ordinal)
            .Replace("        every: week\n        atLeast: 半天\n", "        every: week\n        atLeast: 1天\n", StringComparison.Ordinal), new UTF8Encoding(false));
        using (var second = new CampaignServer(settings: settings, dataFolder: _data))
        {
            _ = second.Services;
        }

        var run = CliRun.Of("diff", "panyu-ftu-2014@1", "panyu-ftu-2014@2", "--data", _data, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("before").GetProperty("version").GetInt32().ShouldBe(1);
        json.RootElement.GetProperty("after").GetProperty("version").GetInt32().ShouldBe(2);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToList();
        changes.ShouldContain(c => c.GetProperty("subject").GetString() == "version");
        changes.ShouldContain(c => c.GetProperty("subject").GetString() == "requirement"
            && c.GetProperty("messageZh").GetString()!.Contains("半天", StringComparison.Ordinal)
            && c.GetProperty("messageZh").GetString()!.Contains("1天", StringComparison.Ordinal));

        var unnamed = CliRun.Of("diff", "panyu-ftu-2014", "panyu-ftu-2014@2", "--data", _data, "--lang", "zh-CN");
        unnamed.ExitCode.ShouldBe(2);
        unnamed.Error.ShouldContain("方案编号@版本号");
        var missing = CliRun.Of("diff", "panyu-ftu-2014@1", "panyu-ftu-2014@9", "--data", _data, "--lang", "en");
        missing.ExitCode.ShouldBe(1);
        missing.Error.ShouldContain("no version 9 of plan 'panyu-ftu-2014'");
        missing.Error.ShouldNotContain("   at ");
    }

    public void Dispose()
    {
        Directory.Delete(_definitions, recursive: true);
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
