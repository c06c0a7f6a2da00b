using System.Globalization;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Text;
using CampaignFlow.Server.WebConsole.Violations;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>
/// A reader of the console sees a violation's requirement, period and phase in words, as the plan names them
/// (每周集中学习…, 2014年第10周, 学习教育、听取意见), not as the ids a filter takes; a body's overview names its phases so too.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PhaseAndPeriodWordsTests(ConsoleFixture console)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public async Task A_violation_names_its_requirement_period_and_phase_in_the_plans_words()
    {
        var service = console.Service;
        var open = await console.OpenViolationsAsync("panyu-ftu");
        var week = open.FirstOrDefault(v => v.Code == "period-minimum-hours" && v.PhaseId is not null && v.Period.Contains("-W", StringComparison.Ordinal))
            .ShouldNotBeNull("the demo's 番禺区总工会 misses study hours in weeks of its study phase");
        var plan = service.FindPlan(week.PlanId).ShouldNotBeNull();
        plan.Version.ShouldBe(week.PlanVersion);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        (await page.GotoAsync(ViolationList.DetailLink(week.Id))).ShouldNotBeNull().Status.ShouldBe(200);

        var requirement = plan.Requirements.First(r => r.Id == week.RequirementId);
        (await page.Locator("#violation-requirement").TextContentAsync()).ShouldBe($"{PlanResolver.Describe(requirement, plan, Chinese)} {week.RequirementId}");
        var period = await page.Locator("#violation-period").TextContentAsync();
        period.ShouldNotBeNull().ShouldStartWith(PeriodLabel.Format(week.Period, Chinese) + "（");
        period.ShouldNotContain(week.Period);
        (await page.Locator("#violation-plan a").TextContentAsync()).ShouldBe($"{plan.Title}（第 {plan.Version} 版）");
        (await page.Locator("#violation-phase").TextContentAsync()).ShouldBe(plan.AllPhases.First(p => p.Id == week.PhaseId).Title);
        // The records that counted by what they are and their day, the key beside them.
        var records = (await service.ReadRecordsAsync("panyu-ftu")).ShouldNotBeNull();
        var counted = await page.Locator("ul.counted-records li").AllTextContentsAsync();
        counted.ShouldNotBeEmpty();
        foreach (var line in counted)
        {
            var record = records.Last(r => line.EndsWith(" " + r.Key, StringComparison.Ordinal));
            line.ShouldBe($"{plan.Vocabulary.KindTitle(record.Kind)}（{record.Day.Year}年{record.Day.Month}月{record.Day.Day}日） {record.Key}");
        }

        // The history's amounts in the same words as the evidence: 小时, not the stored "h".
        var history = await page.Locator("#history").TextContentAsync();
        history.ShouldNotBeNull().ShouldContain("小时");
        history.ShouldNotMatch(@"\d h\b");
    }

    // A requirement over a phase's window has the period id 'window', which is no word of Chinese: its days say it.
    [Fact]
    public async Task A_violation_over_a_window_is_said_by_its_days_on_its_page_its_units_page_and_the_list()
    {
        var service = console.Service;
        var open = await console.OpenViolationsAsync("weidu-xiguan-street");
        var window = open.FirstOrDefault(v => v.Period == "window" && v.PeriodStart != v.PeriodEnd)
            .ShouldNotBeNull("the demo's 西关街道 leaves a requirement over its study link's window unmet");
        var days = $"{ShownTime.Day(window.PeriodStart, Chinese)}至{ShownTime.Day(window.PeriodEnd, Chinese)}";

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        (await page.GotoAsync(ViolationList.DetailLink(window.Id))).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.Locator("#violation-period").TextContentAsync()).ShouldBe(days);

        await page.GotoAsync("/console/units/weidu-xiguan-street");
        var unitPage = (await page.Locator("main").TextContentAsync()).ShouldNotBeNull();
        unitPage.ShouldContain(days);
        unitPage.ShouldNotContain("window（");

        await page.GotoAsync("/console/violations?unit=weidu-xiguan-street&status=open");
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldNotContain("window（");
    }

    [Fact]
    public async Task A_violation_about_a_person_names_them_before_their_id()
    {
        var service = console.Service;
        var open = await console.OpenViolationsAsync("mianyang-ftu");
        var own = open.FirstOrDefault(v => v.Target is not null).ShouldNotBeNull("the demo's 绵阳市总工会 has a member short of volunteer hours");
        var name = service.FindPlan(own.PlanId).ShouldNotBeNull().Roster.Find(own.Target!).ShouldNotBeNull().Name;

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        (await page.GotoAsync(ViolationList.DetailLink(own.Id))).ShouldNotBeNull().Status.ShouldBe(200);

        (await page.Locator("#violation-target").TextContentAsync()).ShouldBe($"{name} {own.Target}");
    }

    [Fact]
    public async Task A_bodys_overview_offers_and_names_its_phases_by_their_titles()
    {
        var service = console.Service;
        var units = console.Host.Services.GetRequiredService<UnitDirectory>().Under("weidu-district");
        var titles = units.Select(u => service.FindPlan(u.PlanId)).OfType<ResolvedPlan>()
            .SelectMany(p => p.AllPhases).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Title);

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.BodyAuditorPrefix + "weidu-district");
        await page.GotoAsync("/console/bodies/weidu-district");
        var options = page.Locator("#f-phase option[value]:not([value=''])");
        (await options.CountAsync()).ShouldBeGreaterThan(0);
        for (var i = 0; i < await options.CountAsync(); i++)
        {
            var id = await options.Nth(i).GetAttributeAsync("value");
            (await options.Nth(i).TextContentAsync()).ShouldBe(titles[id!], $"the phase {id} by its title");
        }

        // Each requirement of the legend with its phase's title in brackets, never the phase's id.
        var legend = (await page.Locator("ol.requirements").TextContentAsync()).ShouldNotBeNull();
        titles.Values.Where(t => legend.Contains("（" + t + "）", StringComparison.Ordinal)).ShouldNotBeEmpty();
        titles.Keys.ShouldAllBe(id => !legend.Contains("（" + id + "）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bodys_overview_says_what_each_requirement_asks_and_offers_unit_kinds_in_the_plans_order()
    {
        var service = console.Service;
        var units = console.Host.Services.GetRequiredService<UnitDirectory>().Under("weidu-district");
        var plans = units.Select(u => service.FindPlan(u.PlanId)).OfType<ResolvedPlan>().ToArray();
        var requirementIds = plans.SelectMany(p => p.Requirements).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var declared = service.FindPlan("weidu-district-2014").ShouldNotBeNull().Vocabulary.UnitKinds.Keys.ToList();

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.BodyAuditorPrefix + "weidu-district");
        await page.GotoAsync("/console/bodies/weidu-district");

        // The legend in the plans' words (开通“民意快线”须在2014年3月31日前完成), no requirement by its id.
        var legend = (await page.Locator("ol.requirements").TextContentAsync()).ShouldNotBeNull();
        var statements = plans.SelectMany(p => p.Requirements.Select(r => PlanResolver.Describe(r, p, Chinese))).ToArray();
        statements.Count(legend.Contains).ShouldBeGreaterThan(1, "the legend names requirements as their plans state them");
        requirementIds.ShouldAllBe(id => !legend.Contains(id, StringComparison.Ordinal));
        var abbreviations = page.Locator("#matrix thead abbr");
        (await abbreviations.CountAsync()).ShouldBeGreaterThan(0);
        (await abbreviations.First.GetAttributeAsync("title")).ShouldNotBeNull().ShouldNotContain(":");

        // Unit kinds in the order 魏都区委's plan declares them, not by their ids.
        var offered = await page.Locator("#f-kind option[value]:not([value=''])").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        offered.Length.ShouldBeGreaterThan(1);
        offered.ShouldBe(offered.OrderBy(k => declared.IndexOf(k) is var i and >= 0 ? i : int.MaxValue).ToArray());
        offered.ShouldNotBe(offered.Order(StringComparer.Ordinal).ToArray());
    }
}
