using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Access;

/// <summary>
/// The basics of WCAG 2.1 AA the pages can be checked for in a browser, at phone width (390 px): nothing makes the
/// page itself scroll sideways (1.4.10, tables scroll in their own region), every control has a label (1.3.1, 4.1.2),
/// the page has its language, one heading 1 and a main landmark, and the first Tab reaches the skip link, shown.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PhoneAndLabelTests(ConsoleFixture console)
{
    // Controls no label, aria-label or aria-labelledby names (a button is named by its text).
    private const string Unlabelled = """
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
            .filter(e => !(e.labels && e.labels.length > 0) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
                         && !(e.tagName === 'BUTTON' && e.textContent.trim().length > 0))
            .map(e => e.outerHTML.slice(0, 120))
        """;

    // The outermost elements that reach past the viewport's right edge, to say what to fix.
    private const string Overflowing = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
            .map(e => e.tagName + '.' + e.className + '#' + e.id)
        """;

    [Theory]
    [InlineData(DemoTokens.Admin, "/console/bodies/weidu-district")]
    [InlineData(DemoTokens.Admin, "/console/violations?status=open")]
    [InlineData(DemoTokens.RecorderPrefix + "panyu-ftu", "/console/units/panyu-ftu")]
    [InlineData(DemoTokens.RecorderPrefix + "panyu-ftu", "/console/units/panyu-ftu/write/ledger/rectification")]
    [InlineData(DemoTokens.RecorderPrefix + "panyu-ftu", "/console/units/panyu-ftu/upload")]
    [InlineData(DemoTokens.Admin, "/console/plans")]
    [InlineData(DemoTokens.Admin, "/console/check-plan")]
    [InlineData(DemoTokens.Admin, "/console/reviews")]
    [InlineData(DemoTokens.Admin, "/console/groups/weidu-group-1")]
    public async Task At_phone_width_the_page_fits_every_control_has_a_label_and_tab_reaches_the_skip_link(string token, string path)
    {
        var page = await console.NewPageAsync(phone: true);
        await ConsoleFixture.SignInAsync(page, token);
        (await page.GotoAsync(path)).ShouldNotBeNull().Status.ShouldBe(200, path);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"{path} scrolls sideways at phone width: {string.Join(", ", await page.EvaluateAsync<string[]>(Overflowing))}");
        (await page.EvaluateAsync<string[]>(Unlabelled)).ShouldBeEmpty($"controls without a label on {path}");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
        (await page.Locator("h1").CountAsync()).ShouldBe(1, path);
        (await page.Locator("main").CountAsync()).ShouldBe(1, path);

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).ShouldBe("skip");
        var box = (await page.Locator("a.skip").BoundingBoxAsync()).ShouldNotBeNull();
        box.X.ShouldBeGreaterThanOrEqualTo(0, "the skip link is shown when it has the focus");
    }
}
