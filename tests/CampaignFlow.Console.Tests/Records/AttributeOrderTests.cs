using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Records;

namespace CampaignFlow.Console.Tests.Records;

/// <summary>
/// A 民主测评's votes read on the records page in the order its plan declares them (满意票, 基本满意票, 不满意票), as
/// the recording form asks for them, not sorted by their ids (basic before satisfied).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AttributeOrderTests(ConsoleFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task An_activitys_attributes_are_listed_in_the_order_its_kind_declares_them()
    {
        var service = console.Service;
        var plan = service.FindPlan(service.FindUnit(Unit).ShouldNotBeNull().PlanId).ShouldNotBeNull();
        var records = (await service.ReadRecordsAsync(Unit)).ShouldNotBeNull();
        bool Unsorted(IReadOnlyList<string> declared) => !declared.SequenceEqual(declared.Order(StringComparer.Ordinal));
        var (stored, activity) = records.Where(r => r.Type == "activity").Select(r => (Stored: r, Activity: (ActivityRecord)RecordCodec.Decode(r)))
            .First(x => x.Activity.Attributes.Count > 1 && Unsorted(plan.Vocabulary.Activities[x.Activity.Kind].Attributes.Where(x.Activity.Attributes.ContainsKey).ToArray()));
        var kind = plan.Vocabulary.Activities[activity.Kind];
        var chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        var expected = kind.Attributes.Where(activity.Attributes.ContainsKey).Select(a => kind.AttributeWord(a, chinese)).ToArray();

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        var row = page.Locator($"#records tbody tr[id='record-{stored.Key}']");
        for (var offset = 0; await row.CountAsync() == 0 && offset < records.Count; offset += RecordListPage.PageSize)
        {
            await page.GotoAsync($"{RecordListPage.Link(Unit)}?offset={offset}");
        }

        var details = (await row.Locator("td").Nth(1).TextContentAsync()).ShouldNotBeNull();
        var labels = details.Split('；').Select(part => part.Split('：')[0].Trim()).Where(expected.Contains).ToArray();
        labels.ShouldBe(expected, $"in the plan's order: {details}");
    }
}
