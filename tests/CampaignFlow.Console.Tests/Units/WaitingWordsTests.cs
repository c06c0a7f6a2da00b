using CampaignFlow.Campaigns.Service;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Units;

/// <summary>
/// Mid-campaign, 番禺区总工会's page says what each approval waits for as the supervision group sees it: a document the
/// unit has not submitted is 尚未报送 (the group's review page does not have it), not 等待督导组成员审批; and an action
/// held back by another document's approval (the meeting, by its 方案) says which, not 等待审批 as if it were itself
/// with a reviewer.
/// </summary>
[Collection(MidCampaignCollection.Name)]
public sealed class WaitingWordsTests(MidCampaignFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task Unsubmitted_documents_and_held_back_actions_say_so()
    {
        var state = (await Service.GetStateAsync(Unit)).ShouldNotBeNull();
        var vocabulary = Service.FindPlan(Service.FindUnit(Unit).ShouldNotBeNull().PlanId).ShouldNotBeNull().Vocabulary;
        var records = (await Service.ReadRecordsAsync(Unit))!;
        bool Submitted(string kind) => records.Any(r => r.Type == "document" && r.Kind == kind);
        state.WaitingGates.Any(g => !Submitted(g.DocumentKind)).ShouldBeTrue("mid-campaign, a gated document is not submitted yet");
        string Roles(IReadOnlyList<string> roles) => string.Join(" → ", roles.Select(r => vocabulary.TitleOf(r)));

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync($"/console/units/{Unit}");
        (await page.Locator("#waiting-gates li").AllTextContentsAsync()).ShouldBe(state.WaitingGates.Select(g => Submitted(g.DocumentKind)
            ? $"{vocabulary.DocumentTitle(g.DocumentKind)}：等待{Roles(g.RolesToApprove)}审批"
            : $"{vocabulary.DocumentTitle(g.DocumentKind)}：尚未报送，报送后等待{Roles(g.RolesToApprove)}审批"));

        var held = state.OpenActions.Where(a => a.Status == "awaiting-approval" && state.WaitingGates.All(g => g.ActionId != a.Id)).ToArray();
        held.ShouldNotBeEmpty("the meeting waits for its plan's approval");
        foreach (var action in held)
        {
            var documents = state.WaitingGates.Where(g => g.Gates.Contains(action.Id)).Select(g => vocabulary.DocumentTitle(g.DocumentKind));
            (await page.Locator($"#open-actions li[data-action='{action.Id}'] .status").TextContentAsync())
                .ShouldBe($"（须待{string.Join("、", documents)}批准后进行）");
        }

        foreach (var gate in state.WaitingGates.Where(g => !Submitted(g.DocumentKind)))
        {
            (await page.Locator($"#open-actions li[data-action='{gate.ActionId}'] .status").TextContentAsync()).ShouldBe("（尚未报送）");
        }

        await ConsoleFixture.ScreenshotAsync(page, "unit-waiting-words");
    }

    private CampaignService Service => console.Service;
}
