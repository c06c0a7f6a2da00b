using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Records;

namespace CampaignFlow.Console.Tests.Records;

/// <summary>
/// The records the demo replays were recorded by no person: the records page says so in Chinese (示例数据回放), not the
/// replay's internal name, and names a person's token as it is.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DemoRecorderTests(ConsoleFixture console)
{
    private const string Unit = "weidu-xiguan-street";

    [Fact]
    public async Task A_replayed_record_is_said_to_come_from_the_demo_in_chinese()
    {
        var service = console.Service;
        var records = (await service.ReadRecordsAsync(Unit)).ShouldNotBeNull();
        var replayed = records.OrderByDescending(r => r.Day).First(r => !r.RecordedBy.StartsWith(DemoTokens.RecorderPrefix, StringComparison.Ordinal) && r.RecordedBy != DemoTokens.Admin);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync(RecordListPage.Link(Unit));
        var by = (await page.Locator($"#records tbody tr[id='record-{replayed.Key}'] td").Nth(2).TextContentAsync()).ShouldNotBeNull();
        by.ShouldStartWith("示例数据回放");
        by.ShouldNotContain(replayed.RecordedBy + " ");
    }
}
