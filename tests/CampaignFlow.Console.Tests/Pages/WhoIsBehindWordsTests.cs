using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>
/// An auditor of 魏都区委 asks which units are behind, on what and since when, and reads the answers in words: unit
/// kinds by their titles (区直单位, not district-organs), each unit most behind with the day its earliest open
/// requirement fell due, each violation of the list with what its requirement asks, not its id; and types a week
/// back into the period filter as the list writes it (2014年第10周).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class WhoIsBehindWordsTests(ConsoleFixture console)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public async Task The_overview_offers_unit_kinds_by_the_titles_the_districts_plan_gives_them()
    {
        var titles = console.Service.Plans.First(p => p.Id == "weidu-district-2014").Vocabulary.UnitKinds;
        var kinds = console.Host.Services.GetRequiredService<UnitDirectory>().Under("weidu-district").Select(u => u.Kind).OfType<string>().Distinct().ToArray();
        kinds.Length.ShouldBeGreaterThan(1);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.BodyAuditorPrefix + "weidu-district");
        await page.GotoAsync("/console/bodies/weidu-district?kind=district-organs");
        var options = page.Locator("#f-kind option:not([value=''])");
        (await options.CountAsync()).ShouldBe(kinds.Length);
        for (var i = 0; i < kinds.Length; i++)
        {
            var kind = (await options.Nth(i).GetAttributeAsync("value")).ShouldNotBeNull();
            (await options.Nth(i).TextContentAsync()).ShouldBe(titles[kind], $"the kind {kind} by its title");
        }

        (await page.Locator("#f-kind option:checked").TextContentAsync()).ShouldBe(titles["district-organs"]);
    }

    [Fact]
    public async Task The_units_most_behind_say_since_when_their_earliest_open_requirement_was_due()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.BodyAuditorPrefix + "weidu-district");
        await page.GotoAsync("/console/bodies/weidu-district");
        var at = ChineseDay().Match(await page.Locator("#overview-summary").TextContentAsync() ?? "");
        at.Success.ShouldBeTrue();

        var lines = await page.Locator("#most-behind li span").AllTextContentsAsync();
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            var behind = Behind().Match(line);
            behind.Success.ShouldBeTrue(line);
            // Days overdue count from the day the earliest fell due to the overview's day.
            var due = DayOf(behind.Groups["due"].Value);
            due.AddDays(int.Parse(behind.Groups["days"].Value, CultureInfo.InvariantCulture)).ShouldBe(DayOf(at.Value), line);
        }
    }

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

    [Fact]
    public async Task The_period_filter_takes_a_week_as_the_list_writes_it()
    {
        var week = (await console.OpenViolationsAsync("panyu-ftu")).First(v => v.Period.Contains("-W", StringComparison.Ordinal));
        var words = CampaignFlow.Compliance.Timing.PeriodLabel.Format(week.Period, Chinese);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        await page.GotoAsync("/console/violations?unit=panyu-ftu");
        (await page.Locator("#f-period").GetAttributeAsync("placeholder")).ShouldBe("2014年第10周");
        await page.FillAsync("#f-period", words);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**period=**");

        var total = int.Parse(await page.Locator("#violations-count").GetAttributeAsync("data-total") ?? "-1", CultureInfo.InvariantCulture);
        total.ShouldBe(await console.ApiTotalAsync($"/violations?unit=panyu-ftu&period={week.Period}", DemoTokens.Auditor));
        total.ShouldBeGreaterThan(0);
        (await page.Locator("#violations .facts").AllTextContentsAsync()).ShouldAllBe(f => f.Contains(words + "（", StringComparison.Ordinal));
    }

    private static DateOnly DayOf(string chinese) => DateOnly.ParseExact(chinese, "yyyy年M月d日", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日")]
    private static partial Regex ChineseDay();

    [GeneratedRegex(@"^\d+ 个未整改，逾期 (?<days>\d+) 天（最早一项于(?<due>\d{4}年\d{1,2}月\d{1,2}日)到期）$")]
    private static partial Regex Behind();
}
