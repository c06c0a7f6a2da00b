using System.Net;
using System.Text;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Server.Tests.Hosting;

/// <summary>
/// A plan in the definitions folder saved in GBK (番禺区总工会's, its title's 番禺 in GBK bytes) is refused at start
/// as any plan with an error is: <c>file-not-utf8</c> at its first foreign byte in the start-up log (Chinese, then
/// English), one problem in <c>/health</c>, its unit not running, the other units running.
/// </summary>
public sealed class ForeignEncodingPlanStartTests : IDisposable
{
    // 番禺 in GBK.
    private static readonly byte[] Gbk = [0xB7, 0xAC, 0xD8, 0xAE];

    private readonly string _data = CampaignServer.NewDataFolder();

    [Fact]
    public async Task A_plan_in_gbk_is_refused_at_its_first_foreign_byte_and_the_other_units_run()
    {
        var definitions = Path.Combine(_data, "definitions");
        Directory.CreateDirectory(Path.Combine(definitions, "calendar"));
        foreach (var file in Directory.EnumerateFiles(Repository.Path("definitions"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(definitions, Path.GetFileName(file)));
        }

        File.Copy(Repository.Path("definitions", "calendar", "china.holidays.yaml"), Path.Combine(definitions, "calendar", "china.holidays.yaml"));
        var bytes = File.ReadAllBytes(Repository.Path("definitions", "panyu-ftu-2014.yaml"));
        var utf8 = Encoding.UTF8.GetBytes("番禺");
        var at = bytes.AsSpan().IndexOf(utf8);
        at.ShouldBeGreaterThan(0);
        File.WriteAllBytes(Path.Combine(definitions, "panyu-ftu-2014.yaml"), [.. bytes[..at], .. Gbk, .. bytes[(at + utf8.Length)..]]);
        var before = Encoding.UTF8.GetString(bytes[..at]);
        var place = $"panyu-ftu-2014.yaml:{before.Count(c => c == '\n') + 1}:{before.Length - (before.LastIndexOf('\n') + 1) + 1}";
        var logs = new CapturedLogs();
        using var server = new CampaignServer(dataFolder: _data, settings: new Dictionary<string, string?> { ["CampaignFlow:Definitions"] = definitions },
            services: s => s.AddSingleton<ILoggerProvider>(logs));

        var health = await server.CreateClient().GetJsonAsync("/health");

        health.GetProperty("planProblems").GetInt32().ShouldBe(1);
        health.GetProperty("unitsRunning").GetInt32().ShouldBe(7, "the four other seed units, 魏都区委, 教体局 and 工商局, as RestartTests counts them");
        var problem = server.Campaigns.Service.LoadProblems.ShouldHaveSingleItem();
        $"{problem.File}:{problem.Line}:{problem.Column}".ShouldBe(place);
        problem.Code.ShouldBe("file-not-utf8");
        var refused = logs.Messages.Where(m => m.Message.StartsWith("方案未运行", StringComparison.Ordinal)).ShouldHaveSingleItem().Message;
        refused.ShouldBe($"方案未运行，{place}：file-not-utf8：文件不是以 UTF-8 编码保存的：此处的字节 0xB7 不是 UTF-8 字符；请将文件另存为 UTF-8 编码"
            + $" Plan refused at {place}: file-not-utf8: {problem.MessageEn}");
        problem.MessageEn.ShouldContain("0xB7");
        (await server.As(TestTokens.Admin).GetAsync("/units/panyu-ftu/state")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
