using System.Net;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Server.Tests.Lifecycle;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow publish</c> for an author who works in files: 西关街道's plan as version 2 submitted, reported as
/// waiting, resubmitted from the file once 区委第三督导组 returns it, published once 魏都区委's campaign office approves
/// it, then reported as published; a file with an error gets its findings at file:line:column, and another unit's
/// token is refused.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PublishCommandTests : IDisposable
{
    private const string Server = "http://localhost";
    private const string Version = "/plans/weidu-xiguan-street-2014/versions/2";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("campaignflow-cli-publish-");
    private readonly CampaignServer _server = new();

    [Fact]
    public async Task A_plan_file_is_submitted_resubmitted_after_its_return_and_published_once_approved()
    {
        using var http = _server.Server.CreateHandler();
        var file = Path.Combine(_folder.FullName, PlanLifecycleScenario.Plan + ".yaml");
        await File.WriteAllTextAsync(file, PlanLifecycleScenario.VersionTwo());
        CliRun Publish(string token, string lang = "en") => CliRun.Against(http, null, "publish", file, "--server", Server, "--token", token, "--lang", lang);

        var submitted = await Task.Run(() => Publish(TestTokens.RecorderXiguan));
        (submitted.ExitCode, submitted.Output.Trim()).ShouldBe((0, $"{file}: plan 'weidu-xiguan-street-2014' version 2 submitted to the body above for approval."), submitted.Error);
        var waiting = await Task.Run(() => Publish(TestTokens.RecorderXiguan));
        waiting.Output.ShouldContain("is submitted and waits for the body above");

        (await _server.As(TestTokens.ReviewerWeiduGroup3).PostAsync(Version + "/return", ApiJson.Json("""{"comment":"请补充“回头看”环节"}"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await File.WriteAllTextAsync(file, PlanLifecycleScenario.VersionTwo("（修订稿）"));
        var resubmitted = await Task.Run(() => Publish(TestTokens.RecorderXiguan, "zh-CN"));
        (resubmitted.ExitCode, resubmitted.Output.Trim()).ShouldBe((0, $"{file}：方案“weidu-xiguan-street-2014”第 2 版已按此文件修改并重新报送上级审批。"), resubmitted.Error);

        (await _server.As(TestTokens.RecorderWeidu).PostAsync(Version + "/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = await Task.Run(() => Publish(TestTokens.RecorderXiguan));
        (published.ExitCode, published.Output.Trim()).ShouldBe((0, $"{file}: plan 'weidu-xiguan-street-2014' version 2 published: units that start from now on run it; running units stay on their version."), published.Error);
        (await _server.Campaigns.Stores.Plans.GetAsync(PlanLifecycleScenario.Plan, 2))!.Files[0].Text.ShouldContain("实施方案（修订稿）");
        (await Task.Run(() => Publish(TestTokens.RecorderXiguan))).Output.ShouldContain("is published already and never changes");

        var history = (await _server.As(TestTokens.Admin).GetJsonAsync(Version)).GetProperty("history").Strings("action");
        history.ShouldBe(["created", "submitted", "returned", "revised", "resubmitted", "approved", "published"]);
    }

    [Fact]
    public async Task A_file_with_an_error_gets_its_findings_and_another_units_token_is_refused()
    {
        using var http = _server.Server.CreateHandler();
        var file = Path.Combine(_folder.FullName, PlanLifecycleScenario.Plan + ".yaml");
        await File.WriteAllTextAsync(file, PlanLifecycleScenario.VersionTwo().Replace("supervisor:", "supervisr:", StringComparison.Ordinal));

        var broken = await Task.Run(() => CliRun.Against(http, null, "publish", file, "--server", Server, "--token", TestTokens.RecorderXiguan, "--lang", "en"));
        broken.ExitCode.ShouldBe(1);
        broken.Output.ShouldContain($"{file}:11:1 unknown-key: ");

        await File.WriteAllTextAsync(file, PlanLifecycleScenario.VersionTwo());
        var foreign = await Task.Run(() => CliRun.Against(http, null, "publish", file, "--server", Server, "--token", TestTokens.RecorderMianyang, "--lang", "en"));
        foreign.ExitCode.ShouldBe(5);
        foreign.Output.Trim().ShouldBe($"{file}: the server refused: your token (t-recorder-mianyang) may not write, submit or publish plan 'weidu-xiguan-street-2014': only the campaign office of unit 'weidu-xiguan-street' (its recorder token) may");
        (await _server.As(TestTokens.Admin).GetAsync(Version)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_plan_file_saved_in_GBK_is_refused_at_its_first_foreign_byte_and_nothing_is_sent()
    {
        using var http = _server.Server.CreateHandler();
        var text = PlanLifecycleScenario.VersionTwo();
        var at = text.IndexOf("实施方案", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        var file = Path.Combine(_folder.FullName, PlanLifecycleScenario.Plan + ".yaml");
        // 半天 in GBK where 实施方案 stood: the plan was sent with U+FFFD in its title.
        await File.WriteAllBytesAsync(file, [.. System.Text.Encoding.UTF8.GetBytes(text[..at]), 0xB0, 0xEB, 0xCC, 0xEC, .. System.Text.Encoding.UTF8.GetBytes(text[(at + 4)..])]);
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - (text.LastIndexOf('\n', at) + 1) + 1;

        var run = await Task.Run(() => CliRun.Against(http, null, "publish", file, "--server", Server, "--token", TestTokens.RecorderXiguan, "--lang", "zh-CN"));

        run.ExitCode.ShouldBe(1, run.Output + run.Error);
        run.Error.ShouldStartWith($"{file}:{line}:{column}: error file-not-utf8: ");
        (await _server.As(TestTokens.Admin).GetAsync(Version)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        _server.Dispose();
        _folder.Delete(recursive: true);
    }
}
