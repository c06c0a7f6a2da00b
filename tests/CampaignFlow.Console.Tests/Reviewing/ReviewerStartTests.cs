using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Reviewing;

/// <summary>
/// A supervision group's member signs in to what waits for the group's review, with the group's page linked there
/// (a list of every unit the group may read was where it landed, with nothing to do on it).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReviewerStartTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_reviewer_starts_at_the_reviews_with_the_groups_page_linked()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.ReviewerPrefix + "weidu-party-office");
        await page.WaitForURLAsync("**/console/reviews");

        (await page.Locator("#groups a.group-link").CountAsync()).ShouldBeGreaterThan(0);
        // The hidden heading is a title, read out by screen readers: no colon left hanging.
        (await page.Locator("#groups-title").TextContentAsync()).ShouldBe("督导组工作页面");
    }
}
