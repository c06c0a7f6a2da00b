using CampaignFlow.Campaigns.Service;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Recording;

/// <summary>
/// Mid-campaign, a meeting whose plan still waits for its approval: the recording form says so above its fields before
/// anything is recorded (the meeting is still recorded if held: ADR 0027), naming the plan and who approves it; a
/// kind nothing holds back has no such words. Without it a meeting recorded before its plan was approved was accepted
/// without a word, and the recorder learnt of it only from a violation weeks later.
/// </summary>
[Collection(MidCampaignCollection.Name)]
public sealed class HeldBackFormTests(MidCampaignFixture console)
{
    // ReviewTests approves 番禺区总工会's plan in this collection: the form is read of a unit nobody records for here.
    private const string Reviewed = "panyu-ftu";

    [Fact]
    public async Task The_form_of_a_meeting_whose_plan_waits_for_approval_says_so_and_another_kinds_form_does_not()
    {
        var (unit, kind, gates) = await HeldBackAsync();
        var plan = Service.FindPlan(unit.PlanId).ShouldNotBeNull();
        var state = (await Service.GetStateAsync(unit.Id)).ShouldNotBeNull();
        var free = plan.Vocabulary.Activities.Keys.First(k => HeldBackGates.Of(plan, state, k).Count == 0);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + unit.Id);
        (await page.GotoAsync($"/console/units/{unit.Id}/record/{kind}")).ShouldNotBeNull().Status.ShouldBe(200);
        var notices = await page.Locator("p.held-back").AllTextContentsAsync();
        notices.Count.ShouldBe(gates.Count);
        foreach (var gate in gates)
        {
            notices.ShouldContain(n => n.Contains($"{plan.Vocabulary.DocumentTitle(gate.DocumentKind)}尚未经{HeldBackGates.Approver(plan, gate)}审核通过", StringComparison.Ordinal));
        }

        (await page.Locator("p.held-back").First.GetAttributeAsync("role")).ShouldBe("note");
        await ConsoleFixture.ScreenshotAsync(page, "held-back-form");

        await page.GotoAsync($"/console/units/{unit.Id}/record/{free}");
        (await page.Locator("#record-form").CountAsync()).ShouldBe(1);
        (await page.Locator("p.held-back").CountAsync()).ShouldBe(0, $"nothing holds {free} back");
    }

    // A unit of the demo, mid-campaign, with an activity kind a waiting gate holds back.
    private async Task<(CampaignUnit Unit, string Kind, IReadOnlyList<GateState> Gates)> HeldBackAsync()
    {
        foreach (var unit in Service.Units.Where(u => u.Id != Reviewed))
        {
            if (Service.FindPlan(unit.PlanId) is not { } plan || await Service.GetStateAsync(unit.Id) is not { WaitingGates.Count: > 0 } state)
            {
                continue;
            }

            foreach (var kind in plan.Vocabulary.Activities.Keys)
            {
                if (HeldBackGates.Of(plan, state, kind) is { Count: > 0 } gates)
                {
                    return (unit, kind, gates);
                }
            }
        }

        throw new ShouldAssertException($"at {MidCampaignFixture.Until} some demo unit's meeting waits for its plan's approval");
    }

    private CampaignService Service => console.Service;
}
