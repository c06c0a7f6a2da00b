using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Console.Tests.Plans;

/// <summary>
/// A plan's author reads a plan as it runs: dates written as dates, each requirement in the plans' own words, the
/// actions inherited from the body's plan marked with it, each version's state and history; plans of others are refused.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PlanPageTests(ConsoleFixture console)
{
    [Fact]
    public async Task An_inheriting_plan_shows_its_requirements_in_words_and_marks_what_it_inherits()
    {
        var plan = console.Service.Plans.First(p => p.Inherits is not null && p.Actions.Any(a => a.DefinedIn != p.Id));
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Admin);
        (await page.GotoAsync("/console/plans")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.Locator("#nav-plans").CountAsync()).ShouldBe(1, "the header leads here");
        await page.ClickAsync($"#plans a[href='/console/plans/{plan.Id}']");
        await page.WaitForURLAsync($"**/console/plans/{plan.Id}");

        (await page.Locator("h1").TextContentAsync()).ShouldBe(plan.Title);
        var requirements = await page.Locator("li.requirement").AllTextContentsAsync();
        requirements.Count.ShouldBe(plan.Actions.Sum(a => a.Requirements.Count), "every requirement, in words");
        requirements.ShouldAllBe(r => r.Trim().Length > 0);
        var inherited = page.Locator(".plan-action.inherited");
        (await inherited.CountAsync()).ShouldBe(plan.Actions.Count(a => a.DefinedIn != plan.Id));
        var service = console.Service;
        var from = service.FindPlan(plan.Actions.First(a => a.DefinedIn != plan.Id).DefinedIn).ShouldNotBeNull();
        (await inherited.First.Locator(".inherited-from").TextContentAsync()).ShouldBe($"继承自 {from.Title}", "the plan it comes from by its title");
        (await page.Locator("dl.facts-list").TextContentAsync()).ShouldNotBeNull().ShouldContain($"第 {plan.Version} 版");
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain($"{plan.Window.Start.Year}年{plan.Window.Start.Month}月{plan.Window.Start.Day}日");
        await ConsoleFixture.ScreenshotAsync(page, "plan");
    }

    [Fact]
    public async Task A_recorder_reads_its_own_plan_and_is_refused_another_units()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + "panyu-ftu");
        await page.GotoAsync("/console/plans");
        (await page.Locator("#plans a[href='/console/plans/panyu-ftu-2014']").CountAsync()).ShouldBe(1);
        (await page.Locator("#plans a[href='/console/plans/mianyang-ftu-2014']").CountAsync()).ShouldBe(0);
        (await page.GotoAsync("/console/plans/panyu-ftu-2014")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.Locator("li.requirement").CountAsync()).ShouldBeGreaterThan(0);
        var version = page.Locator("#plan-versions #version-1");
        (await version.Locator(".plan-state").TextContentAsync()).ShouldBe("已发布");
        (await version.Locator("li.plan-step").TextContentAsync()).ShouldNotBeNull().ShouldContain("发布 · definitions/");
        (await page.GotoAsync("/console/plans/mianyang-ftu-2014")).ShouldNotBeNull().Status.ShouldBe(403);
        (await page.GotoAsync("/console/plans/no-such-plan")).ShouldNotBeNull().Status.ShouldBe(404);
    }

    // 魏都区教育体育局's plan, which no other console test reads: its version 2 goes through its life while the server
    // runs, and its page shows it at once, as the plan's version, with its history.
    [Fact]
    public async Task A_version_published_while_the_server_runs_is_on_the_plans_page_at_once()
    {
        const string Plan = "weidu-education-bureau-2014";
        var lifecycle = console.Service.Lifecycle;
        var text = (await File.ReadAllTextAsync(Repository.Path("definitions", Plan + ".yaml")))
            .Replace("\ntitle: 魏都区教育体育局深入开展党的群众路线教育实践活动实施方案\n", "\nversion: 2\ntitle: 魏都区教育体育局深入开展党的群众路线教育实践活动实施方案（修订）\n", StringComparison.Ordinal);
        (await lifecycle.WriteAsync(lifecycle.Read(text, Plan + ".yaml"), "author")).Refusal.ShouldBeNull();
        (await lifecycle.SubmitAsync(Plan, 2, "author")).Refusal.ShouldBeNull();
        (await lifecycle.ApproveAsync(Plan, 2, "office", "同意")).Refusal.ShouldBeNull();
        (await lifecycle.PublishAsync(Plan, 2, "author")).Refusal.ShouldBeNull();

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Admin);
        (await page.GotoAsync("/console/plans/" + Plan)).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("魏都区教育体育局深入开展党的群众路线教育实践活动实施方案（修订）");
        (await page.Locator("dl.facts-list").TextContentAsync()).ShouldNotBeNull().ShouldContain("第 2 版");
        (await page.Locator("#plan-versions #version-2 .plan-state").TextContentAsync()).ShouldBe("已发布");
        (await page.Locator("#plan-versions #version-1 .plan-state").TextContentAsync()).ShouldBe("已发布");
        await ConsoleFixture.ScreenshotAsync(page, "plan-version-published-while-running");
    }
}
