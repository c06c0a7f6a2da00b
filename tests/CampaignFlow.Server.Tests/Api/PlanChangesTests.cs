using System.Net;
using System.Text;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// <c>GET /plans/{id}/changes</c>: a plan published as version 1, then changed on disk as version 2 and the server
/// restarted on the same data folder — what changed, in requirement terms, between the two stored versions.
/// </summary>
public sealed class PlanChangesTests : IDisposable
{
    private readonly string _definitions = Directory.CreateTempSubdirectory("campaignflow-plan-changes-").FullName;
    private readonly string _data = CampaignServer.NewDataFolder();

    [Fact]
    public async Task A_tightened_weekly_minimum_shows_as_a_requirement_change_between_the_stored_versions()
    {
        Copy(Repository.Path("definitions"), _definitions);
        var settings = new Dictionary<string, string?> { ["CampaignFlow:Definitions"] = _definitions };
        using (var first = new CampaignServer(settings: settings, dataFolder: _data))
        {
            var one = await first.As(TestTokens.Admin).GetAsync("/plans/panyu-ftu-2014/changes");
            one.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await ProblemCodeAsync(one)).ShouldBe("plan-has-one-version");
        }

        var file = Path.Combine(_definitions, "panyu-ftu-2014.yaml");
        var text = await File.ReadAllTextAsync(file, Encoding.UTF8);
        text = text.Replace("plan: panyu-ftu-2014\n", "plan: panyu-ftu-2014\nversion: 2\n", StringComparison.Ordinal)
            .Replace("        every: week\n        atLeast: 半天\n", "        every: week\n        atLeast: 1天\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text, new UTF8Encoding(false));

        using var second = new CampaignServer(settings: settings, dataFolder: _data);
        var admin = second.As(TestTokens.Admin, "zh-CN");
        var answer = await admin.GetAsync("/plans/panyu-ftu-2014/changes");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var changes = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var root = changes.RootElement;
        root.GetProperty("before").GetProperty("version").GetInt32().ShouldBe(1);
        root.GetProperty("after").GetProperty("version").GetInt32().ShouldBe(2);
        var items = root.GetProperty("changes").EnumerateArray().ToList();
        var weekly = items.Where(c => c.GetProperty("subject").GetString() == "requirement" && c.GetProperty("id").GetString()!.StartsWith("weekly-study", StringComparison.Ordinal)).ToList();
        weekly.ShouldNotBeEmpty(string.Join("\n", items.Select(i => i.GetRawText())));
        weekly[0].GetProperty("messageZh").GetString()!.ShouldContain("半天");
        weekly[0].GetProperty("messageZh").GetString()!.ShouldContain("1天");
        items.ShouldContain(c => c.GetProperty("subject").GetString() == "version");

        // The same, named explicitly; then what cannot be answered.
        (await admin.GetAsync("/plans/panyu-ftu-2014/changes?from=1&to=2")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var bad = await admin.GetAsync("/plans/panyu-ftu-2014/changes?from=first");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemCodeAsync(bad)).ShouldBe("bad-plan-version");
        var missing = await admin.GetAsync("/plans/panyu-ftu-2014/changes?to=7");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemCodeAsync(missing)).ShouldBe("unknown-plan-version");
        var earliest = await admin.GetAsync("/plans/panyu-ftu-2014/changes?to=1");
        earliest.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemCodeAsync(earliest)).ShouldBe("no-earlier-plan-version");
        var reversed = await admin.GetAsync("/plans/panyu-ftu-2014/changes?from=2&to=1");
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemCodeAsync(reversed)).ShouldBe("plan-versions-reversed");
        (await admin.GetAsync("/plans/no-such-plan/changes")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.As(TestTokens.RecorderPanyu).GetAsync("/plans/mianyang-ftu-2014/changes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    public void Dispose()
    {
        Directory.Delete(_definitions, recursive: true);
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("code").GetString();
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
