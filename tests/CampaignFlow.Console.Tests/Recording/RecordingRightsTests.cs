using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Recording;

/// <summary>Only those the API lets record for a unit see its recording forms; everyone else gets a 403 page, never a 500.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RecordingRightsTests(ConsoleFixture console)
{
    [Theory]
    [InlineData(DemoTokens.Auditor)]
    [InlineData(DemoTokens.ReviewerPrefix + "panyu-ftu")]
    [InlineData(DemoTokens.RecorderPrefix + "mianyang-ftu")]
    public async Task Who_may_not_record_for_a_unit_sees_no_forms_and_gets_403_pages(string token)
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, token);
        var unit = await page.GotoAsync("/console/units/panyu-ftu");
        if (unit.ShouldNotBeNull().Status == 200)
        {
            (await page.Locator("#record").CountAsync()).ShouldBe(0, "readers of the unit see no recording forms");
        }

        foreach (var path in new[] { "/console/units/panyu-ftu/record/concentrated-study", "/console/units/panyu-ftu/upload" })
        {
            (await page.GotoAsync(path)).ShouldNotBeNull().Status.ShouldBe(403, path);
            (await page.Locator("h1").TextContentAsync()).ShouldBe("无权查看");
        }
    }

    [Fact]
    public async Task An_administrator_may_record_and_an_unknown_activity_kind_is_a_404_page()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Admin);
        (await page.GotoAsync("/console/units/panyu-ftu")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.Locator("#record details.record-kind").CountAsync()).ShouldBeGreaterThan(10, "a form per activity kind of the plan");
        (await page.GotoAsync("/console/units/panyu-ftu/record/concentrated-study")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.GotoAsync("/console/units/panyu-ftu/record/no-such-kind")).ShouldNotBeNull().Status.ShouldBe(404);
        (await page.Locator("[role=alert]").TextContentAsync()).ShouldNotBeNull().ShouldContain("no-such-kind");
    }
}
