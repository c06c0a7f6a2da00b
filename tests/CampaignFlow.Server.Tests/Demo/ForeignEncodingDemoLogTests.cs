using System.Globalization;
using System.Text;
using CampaignFlow.Server.Demo;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Server.Tests.Demo;

/// <summary>
/// A demo log saved in GBK (番禺区总工会's, its first 集中学习 in GBK bytes) is <c>file-not-utf8</c> at its first
/// foreign byte, in the start-up log in both languages, and it is not replayed; the other logs are.
/// </summary>
public sealed class ForeignEncodingDemoLogTests : IDisposable
{
    private const string Log = "panyu-ftu-2014.yaml";

    // 集中学习 in GBK.
    private static readonly byte[] Gbk = [0xBC, 0xAF, 0xD6, 0xD0, 0xD1, 0xA7, 0xCF, 0xB0];

    private readonly string _definitions = Path.Combine(Path.GetTempPath(), "cf-demo-gbk-" + Guid.NewGuid().ToString("N"));
    private readonly int _line;
    private readonly int _column;

    public ForeignEncodingDemoLogTests()
    {
        var seeds = Repository.Path("definitions");
        foreach (var file in Directory.EnumerateFiles(seeds, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_definitions, Path.GetRelativePath(seeds, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var bytes = File.ReadAllBytes(Path.Combine(seeds, "activities", Log));
        var utf8 = Encoding.UTF8.GetBytes("集中学习");
        var at = bytes.AsSpan().IndexOf(utf8);
        at.ShouldBeGreaterThan(0);
        File.WriteAllBytes(Path.Combine(_definitions, "activities", Log), [.. bytes[..at], .. Gbk, .. bytes[(at + utf8.Length)..]]);
        var before = Encoding.UTF8.GetString(bytes[..at]);
        (_line, _column) = (before.Count(c => c == '\n') + 1, before.Length - (before.LastIndexOf('\n') + 1) + 1);
    }

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    private string GbkLog => Path.Combine(_definitions, "activities", Log);

    [Fact]
    public void A_log_in_gbk_is_skipped_at_its_first_foreign_byte_and_the_others_are_read()
    {
        var skipped = new List<SkippedDemoLog>();

        var logs = DemoLog.ReadAll(_definitions, skipped);

        var log = skipped.ShouldHaveSingleItem();
        log.File.ShouldBe(GbkLog);
        log.Finding.ShouldNotBeNull().Code.ShouldBe("file-not-utf8");
        (log.Finding.Location.Line, log.Finding.Location.Column).ShouldBe((_line, _column));
        log.Reason(CultureInfo.GetCultureInfo("zh-CN")).ShouldBe($"{GbkLog}:{_line}:{_column}: error file-not-utf8: 文件不是以 UTF-8 编码保存的：此处的字节 0xBC 不是 UTF-8 字符；请将文件另存为 UTF-8 编码");
        log.Reason(CultureInfo.GetCultureInfo("en")).ShouldStartWith($"{GbkLog}:{_line}:{_column}: error file-not-utf8: ");
        log.Reason(CultureInfo.GetCultureInfo("en")).ShouldContain("0xBC");
        logs.Select(l => l.PlanId).ShouldNotContain("panyu-ftu-2014");
        logs.Count.ShouldBe(Directory.EnumerateFiles(Repository.Path("definitions", "activities"), "*.yaml", SearchOption.AllDirectories).Count() - 1);
        Should.Throw<InvalidDataException>(() => DemoLog.Read(GbkLog)).Message.ShouldContain("file-not-utf8");
    }

    [Fact]
    public async Task The_demo_says_so_in_both_languages_and_replays_the_other_logs()
    {
        var logs = new CapturedLogs();
        using var server = new CampaignServer(demo: true, settings: new Dictionary<string, string?> { ["CampaignFlow:Definitions"] = _definitions },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        server.CreateClient();

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!logs.Messages.Any(m => m.Message.StartsWith("示例：回放 ", StringComparison.Ordinal)))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the demo did not start replaying");
            await Task.Delay(100);
        }

        var skipped = logs.Messages.Where(m => m.Message.StartsWith("示例：跳过记录文件：", StringComparison.Ordinal)).ShouldHaveSingleItem();
        skipped.Level.ShouldBe(LogLevel.Warning);
        skipped.Message.ShouldContain($"{GbkLog}:{_line}:{_column}: error file-not-utf8: 文件不是以 UTF-8 编码保存的");
        skipped.Message.ShouldContain($" Demo: log skipped: {GbkLog}:{_line}:{_column}: error file-not-utf8: ");

        // Every seed log but that one is replayed.
        var replayed = DemoLog.ReadAll(Repository.Path("definitions"), []).Count - 1;
        logs.Messages.ShouldContain(m => m.Message.StartsWith($"示例：回放 {replayed} 个单位的记录", StringComparison.Ordinal)
            && m.Message.Contains($" Demo: replaying {replayed} unit log(s) ", StringComparison.Ordinal));
    }
}
