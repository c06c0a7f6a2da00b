using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>A recorder sees its own unit's timeline and is refused, with 4xx pages, what is not its own or not there.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ForeignUnitTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_recorder_sees_its_units_timeline_and_gets_a_403_page_for_another_unit_and_a_404_page_for_none()
    {
        var page = await console.NewPageAsync(phone: true);
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + "panyu-ftu");
        await page.WaitForURLAsync("**/console/units/panyu-ftu");
        (await page.Locator("#timeline .band").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#timeline .mark-record").CountAsync()).ShouldBeGreaterThan(0, "the demo recorded panyu-ftu's log");
        (await page.Locator("#timeline .mark-violation").CountAsync()).ShouldBe(await page.Locator("#open-violations li").CountAsync());
        await ConsoleFixture.ScreenshotAsync(page, "unit-panyu-ftu-phone");

        var refused = await page.GotoAsync("/console/units/mianyang-ftu");
        refused.ShouldNotBeNull().Status.ShouldBe(403);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("无权查看");
        (await page.Locator("[role=alert]").TextContentAsync()).ShouldNotBeNull().ShouldContain("mianyang-ftu");
        await ConsoleFixture.ScreenshotAsync(page, "unit-foreign-403");

        (await page.GotoAsync("/console/violations?unit=mianyang-ftu")).ShouldNotBeNull().Status.ShouldBe(403);
        (await page.GotoAsync("/console/bodies/weidu-district")).ShouldNotBeNull().Status.ShouldBe(403);

        (await page.GotoAsync("/console/units/no-such-unit")).ShouldNotBeNull().Status.ShouldBe(404);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("未找到");
        (await page.Locator("[role=alert]").TextContentAsync()).ShouldNotBeNull().ShouldContain("no-such-unit");
    }
}
