using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>
/// The list of violations says what a violation's own page says of its records and its person: each record that
/// counted by its kind and day (集中学习（2014年3月7日）) before its key, the person by name before their id.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ListedEvidenceWordsTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_list_names_the_counted_records_by_kind_and_day_as_the_violations_page_does()
    {
        var service = console.Service;
        var plan = service.FindPlan("panyu-ftu-2014").ShouldNotBeNull();
        var records = (await service.ReadRecordsAsync("panyu-ftu")).ShouldNotBeNull();
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        (await page.GotoAsync("/console/violations?unit=panyu-ftu&status=open")).ShouldNotBeNull().Status.ShouldBe(200);

        var item = page.Locator("li.violation").Filter(new LocatorFilterOptions { Has = page.Locator("ul.counted-records li") }).First;
        await item.Locator("summary").ClickAsync();
        var listed = await item.Locator("ul.counted-records li").AllTextContentsAsync();
        listed.ShouldNotBeEmpty("the demo's 番禺区总工会 has open violations whose evidence counted records");
        foreach (var line in listed)
        {
            var record = records.Last(r => line.EndsWith(" " + r.Key, StringComparison.Ordinal));
            line.ShouldBe($"{plan.Vocabulary.KindTitle(record.Kind)}（{record.Day.Year}年{record.Day.Month}月{record.Day.Day}日） {record.Key}");
        }

        await ConsoleFixture.ScreenshotAsync(page, "violations-evidence-words");
        await page.GotoAsync((await item.Locator("h2 a").GetAttributeAsync("href")).ShouldNotBeNull());
        (await page.Locator("ul.counted-records li").AllTextContentsAsync()).ShouldBe(listed, "the violation's page says the same");
    }

    [Fact]
    public async Task The_list_names_the_person_a_violation_concerns_as_the_violations_page_does()
    {
        var service = console.Service;
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        (await page.GotoAsync("/console/violations?unit=mianyang-ftu&status=open")).ShouldNotBeNull().Status.ShouldBe(200);

        var item = page.Locator("li.violation").Filter(new LocatorFilterOptions { Has = page.Locator(".violation-target") }).First;
        var target = (await item.Locator(".violation-target code").TextContentAsync()).ShouldNotBeNull("the demo's 绵阳市总工会 has a member short of volunteer hours");
        var name = service.FindPlan("mianyang-ftu-2014").ShouldNotBeNull().Roster.Find(target).ShouldNotBeNull().Name;
        var listed = await item.Locator(".violation-target").TextContentAsync();
        listed.ShouldBe($"{name} {target}");

        await page.GotoAsync((await item.Locator("h2 a").GetAttributeAsync("href")).ShouldNotBeNull());
        (await page.Locator("#violation-target").TextContentAsync()).ShouldBe(listed, "the violation's page says the same");
    }
}
