using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Server.Security;
using CampaignFlow.Tests.Shared;
using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>
/// A body that runs no campaign (许昌市委 above 魏都区委, 番禺区委 above 番禺区总工会) is named where bodies are listed
/// by its line in the organisation files, never shown as its id.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BodyNameTests(ConsoleFixture console)
{
    // The names the definitions give: a body's own plan's unit, else its organisation line.
    private static readonly PlanCatalog Definitions = PlanCatalog.Load([Repository.Path("definitions")]);

    // The bodies above the seed units that run nothing here: every plan's parent that is no plan's own unit.
    private static readonly string[] BodiesAbove = [.. Definitions.Plans.Values
        .Where(p => p.Template is null).Select(p => p.Unit.Parent).OfType<string>()
        .Where(b => !Definitions.Plans.Values.Any(p => p.Template is null && p.Unit.Id == b)).Distinct()];

    [Fact]
    public async Task The_start_page_lists_every_body_by_its_name()
    {
        BodiesAbove.ShouldNotBeEmpty();
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Admin);
        await page.GotoAsync("/");

        var links = page.Locator("section[aria-labelledby=bodies-title] a");
        var listed = new Dictionary<string, string>();
        foreach (var link in await links.AllAsync())
        {
            var id = Uri.UnescapeDataString((await link.GetAttributeAsync("href"))!.Split('/').Last());
            listed[id] = (await link.TextContentAsync())!;
        }

        foreach (var body in BodiesAbove)
        {
            listed.ShouldContainKey(body);
            listed[body].ShouldBe(NameOf(body));
        }

        foreach (var (body, text) in listed)
        {
            text.ShouldNotBe(body, $"{body} is listed by its name");
        }
    }

    [Fact]
    public async Task A_body_above_the_plans_is_named_on_its_overview_and_in_the_violation_filter()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        await page.GotoAsync("/console/violations");
        foreach (var body in BodiesAbove)
        {
            (await OptionAsync(page, "f-body", body)).ShouldBe(NameOf(body));
        }

        await page.GotoAsync("/console/bodies/xuchang-city");
        (await page.Locator("h1").TextContentAsync() ?? "").ShouldContain(NameOf("xuchang-city"));
    }

    private static string NameOf(string body) => Definitions.Organisation.Find(body).ShouldNotBeNull($"{body} has a line in the organisation files").Name;

    private static async Task<string?> OptionAsync(IPage page, string input, string value)
    {
        var option = page.Locator($"#{input}-choices option[value='{value}']");
        (await option.CountAsync()).ShouldBe(1, $"{input} suggests {value}");
        return await option.TextContentAsync();
    }
}
