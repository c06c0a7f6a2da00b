using CampaignFlow.Campaigns.Service;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Reviewing;

/// <summary>
/// Mid-campaign, 番禺区总工会's 专题民主生活会方案 waits for 区委督导组. Its reviewer finds it on the review page; returning
/// it without a comment is refused at the comment and stores nothing (the day to do it again, filled in, is kept in the
/// form); approving it opens the gate, with no such day.
/// </summary>
[Collection(MidCampaignCollection.Name)]
public sealed class ReviewTests(MidCampaignFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task A_reviewer_returns_nothing_without_a_comment_then_approves_the_document_and_the_gate_opens()
    {
        var state = (await Service.GetStateAsync(Unit)).ShouldNotBeNull();
        var gate = state.WaitingGates.FirstOrDefault(g => g.RolesToApprove.FirstOrDefault() == RecordRights.SupervisorRole)
            .ShouldNotBeNull($"at {state.Now:yyyy-MM-dd HH:mm} a document of {Unit} waits for its supervision group; waiting: {string.Join(", ", state.WaitingGates.Select(g => g.DocumentKind))}");
        var document = (await Service.ReadRecordsAsync(Unit))!.Last(r => r.Type == "document" && r.Kind == gate.DocumentKind).Key;
        var stored = (await Service.ReadRecordsAsync(Unit))!.Count;

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.ReviewerPrefix + Unit);
        // Straight to the page: a click right after signing in can race the sign-in's own redirect.
        (await page.GotoAsync("/console/reviews")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.Locator("#nav-reviews").CountAsync()).ShouldBe(1, "the header leads reviewers here");
        var item = page.Locator($"li.review[data-unit='{Unit}'][data-document='{document}']");
        (await item.CountAsync()).ShouldBe(1, "the document waits for the group");
        await ConsoleFixture.ScreenshotAsync(page, "reviews");

        // The day to do it again is kept in the form when the return is refused, to be sent with the comment.
        await item.Locator("input[name='due']").FillAsync("2014-06-10");
        var refused = await page.RunAndWaitForResponseAsync(() => item.Locator("button.return").ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await page.WaitForLoadStateAsync();
        (await item.Locator("input[name='due']").InputValueAsync()).ShouldBe("2014-06-10");
        (await item.Locator("label[for$='-due']").TextContentAsync()).ShouldBe("重做期限（退回时填写）");
        (await item.Locator("textarea").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await item.Locator("[id$='-comment-error']").TextContentAsync()).ShouldNotBeNull().ShouldContain("修改");
        (await Service.ReadRecordsAsync(Unit))!.Count.ShouldBe(stored, "a refused return stores nothing");

        await item.Locator("textarea").FillAsync("同意，按方案召开。");
        await item.Locator("button.approve").ClickAsync();
        await page.WaitForURLAsync("**/console/reviews?reviewed=*");
        (await page.Locator("#reviewed").TextContentAsync()).ShouldNotBeNull().ShouldContain(document);
        (await item.CountAsync()).ShouldBe(0, "approved, it waits no more");

        (await Service.GetStateAsync(Unit)).ShouldNotBeNull().WaitingGates
            .ShouldNotContain(g => g.DocumentKind == gate.DocumentKind && g.RolesToApprove.FirstOrDefault() == RecordRights.SupervisorRole, "the gate opened");
        var review = (await Service.ReadRecordsAsync(Unit))!.Last(r => r.Type == "review");
        review.Payload.ShouldContain("同意，按方案召开。");
        review.Payload.ShouldNotContain("\"due\"", customMessage: "an approval asks for nothing to be done again");
        review.RecordedBy.ShouldBe(DemoTokens.ReviewerPrefix + Unit);
    }

    [Theory]
    [InlineData(DemoTokens.Auditor)]
    [InlineData(DemoTokens.RecorderPrefix + Unit)]
    public async Task Readers_who_review_nothing_get_a_403_page(string token)
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, token);
        (await page.Locator("#nav-reviews").CountAsync()).ShouldBe(0);
        (await page.GotoAsync("/console/reviews")).ShouldNotBeNull().Status.ShouldBe(403);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("无权查看");
    }

    private CampaignService Service => console.Service;
}
