using CampaignFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Server.Tests.Hosting;

/// <summary>
/// What the start tells the operator comes from the server's catalogue, Chinese first and then English on the one
/// line, the clock in Beijing time: the campaigns starting, each unit running and the start done.
/// </summary>
public sealed class StartLogTests
{
    [Fact]
    public async Task The_start_is_told_in_Chinese_then_English_with_the_clock_in_Beijing_time()
    {
        var logs = new CapturedLogs();
        using var server = new CampaignServer(start: new DateOnly(2014, 10, 10), services: s => s.AddSingleton<ILoggerProvider>(logs));

        await server.TickAsync();

        var messages = logs.Messages.Select(m => m.Message).ToArray();
        messages.ShouldContain(m => m.StartsWith("正在启动 ", StringComparison.Ordinal) && m.Contains("; the API answers 503 until they run", StringComparison.Ordinal));
        messages.ShouldContain("单位 番禺区总工会（panyu-ftu）的活动已运行：方案 panyu-ftu-2014 第 1 版 Campaign running for unit panyu-ftu (番禺区总工会): plan panyu-ftu-2014 version 1");
        var started = messages.Where(m => m.StartsWith("活动启动用时 ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        started.ShouldContain("时钟为北京时间2014年10月10日 00:00 Campaigns started in ");
        started.ShouldEndWith("clock at 10 Oct 2014 00:00 (Beijing time)");
    }

    [Fact]
    public async Task A_server_given_another_time_zone_shows_its_clock_in_that_zone()
    {
        var logs = new CapturedLogs();
        using var server = new CampaignServer(
            start: new DateOnly(2014, 10, 10),
            settings: new Dictionary<string, string?> { ["CampaignFlow:TimeZone"] = "Asia/Urumqi" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));

        await server.TickAsync();

        // Midnight in Beijing is 22:00 the day before in Xinjiang's own time.
        var started = logs.Messages.Select(m => m.Message).Where(m => m.StartsWith("活动启动用时 ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        started.ShouldContain("时钟为Asia/Urumqi 时间2014年10月9日 22:00 Campaigns started in ");
        started.ShouldEndWith("clock at 9 Oct 2014 22:00 (Asia/Urumqi time)");
    }
}
