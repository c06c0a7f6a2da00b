using System.Globalization;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>
/// The violations list's filters take ids (<c>weekly-study:period-minimum</c>); an auditor picks them by the names and
/// titles the plans give, from suggestions of what the auditor may read.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FilterChoiceTests(ConsoleFixture console)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public async Task The_filters_suggest_units_bodies_plans_phases_and_requirements_by_their_names()
    {
        var service = console.Service;
        var units = console.Host.Services.GetRequiredService<UnitDirectory>();
        var plan = service.FindPlan("panyu-ftu-2014").ShouldNotBeNull();
        var requirement = plan.Requirements.First();
        var phase = plan.AllPhases.Last();

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        await page.GotoAsync("/console/violations");

        (await OptionAsync(page, "f-unit", "panyu-ftu")).ShouldBe(units.Find("panyu-ftu")!.Name);
        (await OptionAsync(page, "f-body", "weidu-district")).ShouldBe(units.Find("weidu-district")!.Name);
        (await OptionAsync(page, "f-plan", plan.Id)).ShouldBe(plan.Title);
        (await OptionAsync(page, "f-phase", phase.Id)).ShouldBe(phase.Title);
        (await OptionAsync(page, "f-requirement", requirement.Id)).ShouldBe(PlanResolver.Describe(requirement, plan, Chinese));
        (await page.Locator("#f-requirement-choices option").CountAsync())
            .ShouldBe(service.Plans.SelectMany(p => p.Requirements).Select(r => r.Id).Distinct().Count(), "every running plan's requirements, once each");

        // A value picked from the suggestions is the id the filter takes: the page and the API agree.
        await page.FillAsync("#f-requirement", requirement.Id);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/console/violations?*requirement=*");
        var total = int.Parse(await page.Locator("#violations-count").GetAttributeAsync("data-total") ?? "-1", CultureInfo.InvariantCulture);
        total.ShouldBe(await console.ApiTotalAsync($"/violations?requirement={Uri.EscapeDataString(requirement.Id)}&limit=1", DemoTokens.Auditor));
    }

    [Fact]
    public async Task An_auditor_of_a_body_is_offered_only_what_lies_under_it()
    {
        var units = console.Host.Services.GetRequiredService<UnitDirectory>();
        var under = units.Under("weidu-district").Select(u => u.Id).ToHashSet();

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.BodyAuditorPrefix + "weidu-district");
        await page.GotoAsync("/console/violations");

        var offered = await ValuesAsync(page, "f-unit");
        offered.ShouldNotBeEmpty();
        offered.ShouldBe(under, ignoreOrder: true);
        (await ValuesAsync(page, "f-body")).ShouldContain("weidu-district");
        (await ValuesAsync(page, "f-plan")).ShouldNotContain("panyu-ftu-2014", "番禺 is no unit of 魏都区");
    }

    private static async Task<string?> OptionAsync(IPage page, string input, string value)
    {
        var option = page.Locator($"#{input}-choices option[value='{value}']");
        (await option.CountAsync()).ShouldBe(1, $"{input} suggests {value}");
        return await option.TextContentAsync();
    }

    private static async Task<IReadOnlyList<string>> ValuesAsync(IPage page, string input) =>
        await page.Locator($"#{input}-choices option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
}
