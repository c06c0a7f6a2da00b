using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>An auditor narrows the violations list with the API's filters and opens one violation's history.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ViolationFilterTests(ConsoleFixture console)
{
    [Fact]
    public async Task Filters_narrow_the_violations_list_to_what_the_api_answers_for_the_same_filters()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        // An auditor of every unit starts at the home page, with the bodies whose overviews it may open.
        (await page.Locator("a[href='/console/bodies/weidu-district']").CountAsync()).ShouldBe(1);
        await page.GotoAsync("/console/violations");
        var all = await TotalAsync(page);
        all.ShouldBeGreaterThan(0);

        await page.FillAsync("#f-unit", "panyu-ftu");
        await page.SelectOptionAsync("#f-status", "open");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/console/violations?*unit=panyu-ftu*");
        var narrowed = await TotalAsync(page);
        narrowed.ShouldBeGreaterThan(0);
        narrowed.ShouldBeLessThan(all);
        narrowed.ShouldBe(await console.ApiTotalAsync("/violations?unit=panyu-ftu&status=open&limit=1", DemoTokens.Auditor), "the page and the API apply the same filters");
        var name = console.Host.Services.GetRequiredService<UnitDirectory>().Find("panyu-ftu")!.Name;
        (await page.Locator("#violations li.violation .facts a").AllTextContentsAsync()).ShouldAllBe(unit => unit == name);
        (await page.Locator("#violations li.violation.open").CountAsync()).ShouldBe(await page.Locator("#violations li.violation").CountAsync());
        await ConsoleFixture.ScreenshotAsync(page, "violations-panyu-ftu-open");

        // One violation: its evidence and its history (at least the opening).
        await page.Locator("#violations li.violation h2 a").First.ClickAsync();
        await page.WaitForURLAsync("**/console/violation?id=*");
        (await page.Locator("dl.evidence").CountAsync()).ShouldBe(1);
        (await page.Locator("#history li").CountAsync()).ShouldBeGreaterThan(0);
        await ConsoleFixture.ScreenshotAsync(page, "violation-detail");
    }

    private static async Task<int> TotalAsync(Microsoft.Playwright.IPage page) =>
        int.Parse(await page.Locator("#violations-count").GetAttributeAsync("data-total") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
}
