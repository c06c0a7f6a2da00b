using System.Text;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Tests.Shared;
using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Plans;

/// <summary>
/// A plan's author pastes a plan with a wrong window and sees the validator's finding beside that line, the very
/// findings <c>POST /plans/validate</c> gives; the corrected file, uploaded, has no error; nothing is published; a
/// reader not signed in is sent to sign in.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PlanCheckTests(ConsoleFixture console)
{
    private static readonly string Published = File.ReadAllText(Repository.Path("definitions", "panyu-ftu-2014.yaml"));

    [Fact]
    public async Task A_wrong_window_is_shown_beside_its_line_and_the_corrected_file_has_no_error()
    {
        var lines = Published.ReplaceLineEndings("\n").Split('\n');
        var wrongLine = Array.FindIndex(lines, l => l.Trim() == "window: 2月中下旬-4月下旬") + 1;
        wrongLine.ShouldBeGreaterThan(0);
        lines[wrongLine - 1] = lines[wrongLine - 1].Replace("2月中下旬-4月下旬", "13月下旬-4月下旬", StringComparison.Ordinal);
        var wrong = string.Join('\n', lines);
        var service = console.Service;
        var expected = service.ValidatePlan(wrong, "uploaded.yaml").Where(d => d.Location.Line == wrongLine).ToArray();
        expected.ShouldNotBeEmpty("the validator finds the month that does not exist");
        var plans = service.Plans.Count;

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + "panyu-ftu");
        await page.GotoAsync("/console/plans");
        await page.ClickAsync("#check-link");
        await page.WaitForURLAsync("**/console/check-plan");
        await page.FillAsync("#yaml", wrong);
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#check-form button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(200, "a plan with errors is a check that worked, as the endpoint answers");
        await page.WaitForLoadStateAsync();

        (await page.Locator("#check-summary").TextContentAsync()).ShouldNotBeNull().ShouldContain("错误");
        var beside = await page.Locator($"#line-{wrongLine}-findings li").AllTextContentsAsync();
        beside.Count.ShouldBe(expected.Length);
        beside.ShouldAllBe(text => text.Contains("错误："));
        beside.ShouldContain(text => text.Contains(expected[0].Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))));
        (await page.Locator($"#line-{wrongLine} code").TextContentAsync()).ShouldNotBeNull().ShouldContain("13月下旬");
        (await page.Locator("#yaml").InputValueAsync()).ShouldBe(wrong, "the text stays, to be corrected");
        await ConsoleFixture.ScreenshotAsync(page, "plan-check-error");

        await page.FillAsync("#yaml", "");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "panyu-ftu-2014.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(Published) });
        await page.ClickAsync("#check-form button[type=submit]");
        await page.WaitForLoadStateAsync();
        (await page.Locator("#check-result-title").TextContentAsync()).ShouldNotBeNull().ShouldContain("panyu-ftu-2014.yaml");
        (await page.Locator("#check-summary").TextContentAsync()).ShouldNotBeNull().ShouldStartWith("没有错误");
        (await page.Locator("#plan-lines tr.has-error").CountAsync()).ShouldBe(0);
        service.Plans.Count.ShouldBe(plans, "checking publishes nothing");
    }

    [Fact]
    public async Task Nothing_to_check_is_refused_at_the_field_and_a_reader_not_signed_in_is_sent_to_sign_in()
    {
        var page = await console.NewPageAsync();
        await page.GotoAsync("/console/check-plan");
        page.Url.ShouldContain("/console/sign-in");

        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        await page.GotoAsync("/console/check-plan");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#check-form button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(400);
        await page.WaitForLoadStateAsync();
        (await page.Locator("#input-error").TextContentAsync()).ShouldNotBeNull().ShouldContain("请粘贴方案");
        (await page.Locator("#check-result").CountAsync()).ShouldBe(0);
    }
}
