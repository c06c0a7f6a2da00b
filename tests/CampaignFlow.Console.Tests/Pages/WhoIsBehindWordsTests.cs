using System.Globalization;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>
/// An auditor of 魏都区委 asks which units are behind, on what and since when, and reads the answers in words: each
/// violation of the list with what its requirement asks, not its id.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class WhoIsBehindWordsTests(ConsoleFixture console)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public async Task The_violations_list_says_what_each_requirement_asks_instead_of_its_id()
    {
        const string Unit = "weidu-xiguan-street";
        var open = await console.OpenViolationsAsync(Unit);
        open.ShouldNotBeEmpty();
        var plan = console.Service.Plans.First(p => p.Unit.Id == Unit);
        var expected = open.Select(v => PlanResolver.Describe(plan.Requirements.First(r => r.Id == v.RequirementId), plan, Chinese)).ToArray();

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.BodyAuditorPrefix + "weidu-district");
        await page.GotoAsync($"/console/violations?unit={Unit}&status=open");
        (await page.Locator("#violations .violation-requirement").AllTextContentsAsync()).ShouldBe(expected, ignoreOrder: true);
        var facts = string.Concat(await page.Locator("#violations .facts").AllTextContentsAsync());
        open.ShouldAllBe(v => !facts.Contains(v.RequirementId, StringComparison.Ordinal));
    }
}
