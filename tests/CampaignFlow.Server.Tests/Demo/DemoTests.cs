using CampaignFlow.Server.Demo;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.Tests.Fixtures;
using CampaignFlow.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Server.Tests.Demo;

public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_replays_every_seed_log_to_the_violations_the_logs_promise_and_its_tokens_work()
    {
        var logs = new CapturedLogs();
        using var server = new CampaignServer(demo: true, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var auditor = server.As(DemoTokens.Auditor);

        // 2013-07-01 … 2014-10-04 at 1 ms a day: wait until the demo's clock is past the last campaign.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await server.CreateClient().GetJsonAsync("/health")).GetProperty("now").GetDateTimeOffset() < new DateTimeOffset(2014, 10, 4, 0, 0, 0, TimeSpan.FromHours(8)))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the demo did not reach the end of the campaigns");
            await Task.Delay(200);
        }

        // Every record was recorded before the clock moved to the last day; one more tick judges what is left.
        await server.TickAsync();

        // definitions/activities/README.md: 4 + 5 + 3 + 4 + 3 violations, the soft warning closed by its exception.
        // (The units of the district's organisation file record nothing in the demo: theirs are the empty records'.)
        var logged = new[] { "panyu-ftu", "mianyang-ftu", "anhui-organs", "guangxi-ftu", "weidu-xiguan-street" };
        var open = await auditor.GetJsonAsync("/violations?status=open&limit=1000");
        open.GetProperty("items").Strings("unit").Where(logged.Contains).GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(new Dictionary<string, int>
        {
            ["panyu-ftu"] = 4,
            ["mianyang-ftu"] = 5,
            ["anhui-organs"] = 3,
            ["guangxi-ftu"] = 4,
            ["weidu-xiguan-street"] = 3,
        }, ignoreOrder: true);

        // Records arrive three days late, so some periods closed before their records came: opened, then resolved.
        (await auditor.GetJsonAsync("/violations?status=resolved")).GetProperty("total").GetInt32().ShouldBeGreaterThan(0);

        (await server.As(DemoTokens.RecorderPrefix + "panyu-ftu").GetAsync("/units/panyu-ftu/state")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await server.As(DemoTokens.RecorderPrefix + "panyu-ftu").GetAsync("/units/mianyang-ftu/state")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        var weidu = (await server.As(DemoTokens.BodyAuditorPrefix + "weidu-district").GetJsonAsync("/units")).Strings("id").ToArray();
        weidu.ShouldContain("weidu-xiguan-street");
        weidu.ShouldContain("weidu-dongda-street");
        weidu.ShouldNotContain("panyu-ftu");
        (await server.As(TestTokens.Admin).GetAsync("/units")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, "configured tokens stay valid in the demo");

        // What the demo tells the operator, from the catalogue: Chinese first, then English, days as 2014年3月7日.
        var lines = logs.Messages.Select(m => m.Message).ToArray();
        lines.ShouldContain(m => m.StartsWith("示例：回放 ", StringComparison.Ordinal) && m.Contains(" Demo: replaying ", StringComparison.Ordinal));
        lines.ShouldContain(m => m.StartsWith("示例 2014年", StringComparison.Ordinal) && m.Contains("录入", StringComparison.Ordinal) && m.Contains(" recorded ", StringComparison.Ordinal));
        lines.ShouldContain(m => m.StartsWith("示例：接受 ", StringComparison.Ordinal) && m.Contains("public demo tokens accepted", StringComparison.Ordinal));
        lines.ShouldNotContain(m => m.StartsWith("Demo", StringComparison.Ordinal));
        // A violation over a window is said by its days in the Chinese half, as the console says it; the English keeps the id.
        var opened = lines.Where(m => m.Contains("新增违规", StringComparison.Ordinal)).ToArray();
        opened.ShouldNotBeEmpty();
        opened.ShouldContain(m => m.Contains(" window: ", StringComparison.Ordinal));
        opened.Select(m => m[..m.IndexOf(" Demo ", StringComparison.Ordinal)]).ShouldAllBe(chinese => !chinese.Contains(" window：", StringComparison.Ordinal));
    }

    [Fact]
    public void A_demo_log_becomes_json_records_by_day_with_numbers_and_booleans_typed()
    {
        var file = Repository.Path("definitions", "activities", "panyu-ftu-2014.yaml");
        var log = DemoLog.Read(file);

        log.PlanId.ShouldBe("panyu-ftu-2014");
        // The log writes one record per line, each a flow mapping: every one of them is read.
        log.Days.Sum(d => d.Records.Count).ShouldBe(File.ReadLines(file).Count(l => l.StartsWith("  - {", StringComparison.Ordinal)));
        log.Days.Select(d => d.Day).ShouldBeInOrder();
        var evaluation = log.Days.SelectMany(d => d.Records).Single(r => r!["key"]!.GetValue<string>() == "dlm-evaluation")!;
        evaluation["with"]!["unsatisfied"]!.GetValue<decimal>().ShouldBe(15);
        var talk = log.Days.SelectMany(d => d.Records).Single(r => r!["key"]!.GetValue<string>() == "talk-su-chen")!;
        talk["with"]!["includesCriticism"]!.GetValue<bool>().ShouldBeTrue();
        talk["on"]!.GetValue<string>().ShouldBe("2014-05-12");
    }
}
