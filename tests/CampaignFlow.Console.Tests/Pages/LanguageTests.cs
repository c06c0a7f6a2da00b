using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>The console is Chinese until the reader switches to English, which then holds on every page.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LanguageTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_switch_turns_every_page_into_english_and_back()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.BodyAuditorPrefix + "weidu-district");
        (await page.Locator("h1").TextContentAsync()).ShouldStartWith("合规总览");

        await page.ClickAsync("#switch-language");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        page.Url.ShouldContain("/console/bodies/weidu-district", customMessage: "the switch comes back to the same page");
        (await page.Locator("h1").TextContentAsync()).ShouldStartWith("Overview");
        (await page.Locator("footer").TextContentAsync()).ShouldNotBeNull().ShouldContain("Beijing time");
        (await page.Locator("#overview-summary").TextContentAsync()).ShouldNotBeNull().ShouldMatch(@"\d{1,2} [A-Z][a-z]{2} \d{4}");
        await ConsoleFixture.ScreenshotAsync(page, "overview-weidu-district-en");

        await page.GotoAsync("/console/violations");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Violations");

        await page.ClickAsync("#switch-language");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'zh-CN'");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("问题清单");
    }
}
