using System.Text.RegularExpressions;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Records;

namespace CampaignFlow.Console.Tests.Records;

/// <summary>
/// A unit's recorder and its auditors see what the unit recorded, newest day first, each record by what it is and what
/// it says in the plan's words (集中学习 · 2 小时 · 参加 12 人), the key last; another unit's recorder gets a 403 page.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class RecordListTests(ConsoleFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task A_recorder_reads_the_units_records_newest_first_in_the_plans_words()
    {
        var service = console.Service;
        var records = (await service.ReadRecordsAsync(Unit)).ShouldNotBeNull();
        var plan = service.FindPlan("panyu-ftu-2014").ShouldNotBeNull();
        records.Count.ShouldBeGreaterThan(0);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync($"/console/units/{Unit}");
        await page.ClickAsync("#records-link");
        await page.WaitForURLAsync("**" + RecordListPage.Link(Unit));

        await ConsoleFixture.ScreenshotAsync(page, "unit-records");
        (await page.Locator("#records-summary").TextContentAsync()).ShouldNotBeNull().ShouldStartWith($"共 {records.Count:N0} 条记录");
        var rows = page.Locator("#records tbody tr");
        (await rows.CountAsync()).ShouldBe(Math.Min(records.Count, RecordListPage.PageSize));

        var newest = records.Max(r => r.Day);
        (await rows.First.Locator("td").First.TextContentAsync()).ShouldBe($"{newest.Year}年{newest.Month}月{newest.Day}日");

        // A study week's record: the activity's title, its hours and how many took part, in Chinese.
        var study = records.First(r => r.Type == "activity" && r.Kind == "concentrated-study");
        var row = page.Locator($"#records tbody tr[id='record-{study.Key}']");
        if (await row.CountAsync() == 0)
        {
            await page.GotoAsync($"{RecordListPage.Link(Unit)}?offset={RecordListPage.PageSize}");
        }

        (await row.Locator("th").TextContentAsync()).ShouldBe(plan.Vocabulary.KindTitle("concentrated-study"));
        var details = (await row.Locator("td").Nth(1).TextContentAsync()).ShouldNotBeNull();
        details.ShouldContain(" 小时");
        details.ShouldContain("参加 ");
        EnglishWord().IsMatch(details).ShouldBeFalse(details);

        // Every record's details in Chinese: a flag as 是 or 否, never true or false.
        var all = await page.Locator("#records tbody td:nth-child(3)").AllTextContentsAsync();
        all.Where(d => EnglishWord().IsMatch(d)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_units_recorder_gets_a_403_page()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + "mianyang-ftu");

        (await page.GotoAsync(RecordListPage.Link(Unit))).ShouldNotBeNull().Status.ShouldBe(403);
    }

    [Fact]
    public async Task An_offset_past_the_end_or_not_a_number_shows_a_page_not_an_error()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);

        (await page.GotoAsync($"{RecordListPage.Link(Unit)}?offset=999999")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.GotoAsync($"{RecordListPage.Link(Unit)}?offset=-5")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.GotoAsync($"{RecordListPage.Link(Unit)}?offset=abc")).ShouldNotBeNull().Status.ShouldBe(200);
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();
}
