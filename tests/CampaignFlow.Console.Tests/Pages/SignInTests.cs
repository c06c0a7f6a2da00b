using System.Text.RegularExpressions;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>An auditor of a body signs in with the token the API takes and lands on the body's overview.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class SignInTests(ConsoleFixture console)
{
    [Fact]
    public async Task An_auditor_of_a_body_signs_in_with_a_token_and_the_overview_shows_its_units_by_requirements()
    {
        var page = await console.NewPageAsync();
        await page.GotoAsync("/");
        page.Url.ShouldContain("/console/sign-in");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");

        // A token the API refuses is refused here: 401 and the form again, with the reason.
        await page.FillAsync("#token", "not-a-token");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[type=submit]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(401);
        (await page.Locator("#token-error").TextContentAsync()).ShouldBe("此令牌无效。");

        await page.FillAsync("#token", DemoTokens.BodyAuditorPrefix + "weidu-district");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/console/bodies/weidu-district");

        var under = console.Host.Services.GetRequiredService<UnitDirectory>().Under("weidu-district");
        var matrix = page.Locator("#matrix");
        (await matrix.Locator("tbody tr").CountAsync()).ShouldBe(under.Count);
        (await matrix.Locator("thead th.req").CountAsync()).ShouldBeGreaterThan(0);
        (await matrix.Locator("tfoot tr").CountAsync()).ShouldBe(3, "met, pending and violated counted per requirement");
        ChineseDay().IsMatch(await page.Locator("#overview-summary").TextContentAsync() ?? "").ShouldBeTrue("the day is written 2014年10月3日");
        (await page.Locator("#open-history svg polyline").CountAsync()).ShouldBe(1, "the open violations per day, drawn");
        ChineseDay().IsMatch(await page.Locator("#open-history figcaption").TextContentAsync() ?? "").ShouldBeTrue("the chart says its span in words");
        await ConsoleFixture.ScreenshotAsync(page, "overview-weidu-district");

        // The cookie is the browser's only: HttpOnly, SameSite=Strict; and it never authenticates the API.
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "cf-console");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(Microsoft.Playwright.SameSiteAttribute.Strict);
        (await page.Context.APIRequest.GetAsync("/violations")).Status.ShouldBe(401);

        // Signing out ends it: the next page asks for a token again.
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/console/sign-in");
        await page.GotoAsync("/console/bodies/weidu-district");
        page.Url.ShouldContain("/console/sign-in?returnUrl=");
    }

    [GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日")]
    private static partial Regex ChineseDay();
}
