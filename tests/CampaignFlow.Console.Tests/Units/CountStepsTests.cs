using System.Globalization;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Violations;

namespace CampaignFlow.Console.Tests.Units;

/// <summary>
/// 西关街道's recorder reads, for an action held too few times (分批参观学习 1 次，要求 ≥ 2 次) or by a person not at all,
/// how many more times to record in which days, as the study weeks say how many more hours, not the violation's
/// message again behind its own period.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CountStepsTests(ConsoleFixture console)
{
    private const string Unit = "weidu-xiguan-street";

    [Fact]
    public async Task A_count_below_its_minimum_says_how_many_more_times_to_record()
    {
        var service = console.Service;
        var open = await console.OpenViolationsAsync(Unit);
        var counts = open.Where(v => v.Code is "count-too-few" or "count-none").ToArray();
        counts.ShouldNotBeEmpty("the demo's 西关街道 holds one base visit of two, and one leader never goes to a contact point");
        var plan = service.FindPlan(service.FindUnit(Unit).ShouldNotBeNull().PlanId).ShouldNotBeNull();

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        (await page.GotoAsync($"/console/units/{Unit}")).ShouldNotBeNull().Status.ShouldBe(200);
        foreach (var violation in counts.OrderBy(v => v.PeriodEnd).ThenBy(v => v.Id, StringComparer.Ordinal).Take(10))
        {
            var arguments = System.Text.Json.JsonDocument.Parse(violation.Details).RootElement;
            var evidence = arguments.GetProperty("evidence");
            var required = int.Parse(evidence.GetProperty("required").GetString()!.TrimStart('≥', ' '), CultureInfo.InvariantCulture);
            var actual = int.Parse(evidence.GetProperty("actual").GetString()!, CultureInfo.InvariantCulture);
            var title = plan.Requirements.First(r => r.Id == violation.RequirementId).Title;
            var who = arguments.TryGetProperty("targetName", out var name) ? $"（{name.GetString()}）" : "";
            var days = $"{Day(violation.PeriodStart)}至{Day(violation.PeriodEnd)}";
            (await page.Locator($"#next-steps a[href='{ViolationList.DetailLink(violation.Id)}']").TextContentAsync())
                .ShouldBe($"为{days}再记录 {required - actual} 次：{title}{who}");
        }

        await ConsoleFixture.ScreenshotAsync(page, "unit-count-steps");
    }

    private static string Day(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
