using System.Globalization;
using System.Text.Json;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Violations;

namespace CampaignFlow.Console.Tests.Units;

/// <summary>
/// Mid-campaign, 番禺区总工会's page says what to do next: for a week with too little study, how many more hours to
/// record in that week (the shortfall between what was found and what the plan requires), linked to the violation;
/// and the requirements judged soon, by their day. Another unit's recorder gets a 403 page and no steps.
/// </summary>
[Collection(MidCampaignCollection.Name)]
public sealed class NextStepsTests(MidCampaignFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task The_unit_page_says_how_many_more_hours_to_record_in_which_week_and_what_is_judged_soon()
    {
        var service = console.Service;
        var open = await console.OpenViolationsAsync(Unit);
        // The page lists the first ten, oldest period first.
        var shortWeek = open.OrderBy(v => v.PeriodEnd).ThenBy(v => v.Id, StringComparer.Ordinal).Take(10)
            .FirstOrDefault(v => v.Code == "period-minimum-hours" && v.Target is null)
            .ShouldNotBeNull("the demo's 番禺区总工会 misses study hours in its first weeks");
        var title = service.FindPlan(shortWeek.PlanId).ShouldNotBeNull().Requirements.First(r => r.Id == shortWeek.RequirementId).Title;
        using var details = JsonDocument.Parse(shortWeek.Details);
        var evidence = details.RootElement.GetProperty("evidence");
        decimal Hours(string name) => decimal.Parse(evidence.GetProperty(name).GetString()!.Split(' ')[0], CultureInfo.InvariantCulture);
        var more = (Hours("required") - Hours("actual")).ToString("0.##", CultureInfo.InvariantCulture);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        (await page.GotoAsync($"/console/units/{Unit}")).ShouldNotBeNull().Status.ShouldBe(200);
        var steps = page.Locator("#next-steps li");
        (await steps.CountAsync()).ShouldBe(Math.Min(10, open.Count), "a step per open violation, the first ten");
        var step = page.Locator($"#next-steps a[href='{ViolationList.DetailLink(shortWeek.Id)}']");
        (await step.TextContentAsync()).ShouldBe($"为{PeriodLabel.Format(shortWeek.Period, CultureInfo.GetCultureInfo("zh-CN"))}再记录 {more} 小时：{title}");
        var deadlines = page.Locator("#next-deadlines li");
        (await deadlines.CountAsync()).ShouldBeGreaterThan(0, "mid-campaign, periods are still open");
        (await deadlines.First.TextContentAsync()).ShouldNotBeNull().ShouldMatch(@"^\d{4}年\d{1,2}月\d{1,2}日前：");
        await ConsoleFixture.ScreenshotAsync(page, "unit-next-steps");
    }

    [Fact]
    public async Task Documents_waiting_for_approval_and_open_periods_are_named_in_the_plans_words()
    {
        var service = console.Service;
        var state = (await service.GetStateAsync(Unit)).ShouldNotBeNull();
        state.WaitingGates.ShouldNotBeEmpty("mid-campaign, 番禺区总工会 has documents waiting for approval");
        var vocabulary = service.FindPlan(service.FindUnit(Unit).ShouldNotBeNull().PlanId).ShouldNotBeNull().Vocabulary;
        var open = await console.OpenViolationsAsync(Unit);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync($"/console/units/{Unit}");
        var gates = await page.Locator("#waiting-gates li").AllTextContentsAsync();
        // A document not submitted yet says so before it (WaitingWordsTests).
        gates.Count.ShouldBe(state.WaitingGates.Count);
        foreach (var (text, g) in gates.Zip(state.WaitingGates))
        {
            text.ShouldStartWith($"{vocabulary.DocumentTitle(g.DocumentKind)}：");
            text.ShouldEndWith($"等待{string.Join(" → ", g.RolesToApprove.Select(r => vocabulary.TitleOf(r).ShouldNotBeNull($"the role {r} has a title")))}审批");
        }

        gates.ShouldAllBe(g => !g.Any(char.IsAsciiLetter), "no id in a Chinese page");

        var first = open[0];
        (await page.Locator("#open-violations li .muted").First.TextContentAsync()).ShouldNotBeNull()
            .ShouldStartWith(PeriodLabel.Format(first.Period, CultureInfo.GetCultureInfo("zh-CN")) + "（");
    }

    [Fact]
    public async Task Another_units_recorder_gets_a_403_page_without_its_steps()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + "mianyang-ftu");
        (await page.GotoAsync($"/console/units/{Unit}")).ShouldNotBeNull().Status.ShouldBe(403);
        (await page.Locator("#next-steps").CountAsync()).ShouldBe(0);
    }
}
