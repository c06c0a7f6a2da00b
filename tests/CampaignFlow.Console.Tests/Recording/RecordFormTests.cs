using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Violations;

namespace CampaignFlow.Console.Tests.Recording;

/// <summary>
/// A unit's recorder records a study session through the unit page's form, in the week the page shows as violated,
/// and the violation leaves the page's list; a value the service refuses is shown at its field and stores nothing.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class RecordFormTests(ConsoleFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task A_recorder_records_a_missing_study_session_through_the_form_and_its_violation_is_resolved()
    {
        var service = console.Service;
        var open = await service.QueryViolationsAsync(new ViolationQuery { Units = [Unit], Status = ViolationStatus.Open, Limit = 1000 });
        var missed = open.Items.First(v => v.RequirementId.StartsWith("weekly-study", StringComparison.Ordinal));

        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.WaitForURLAsync($"**/console/units/{Unit}");
        var link = page.Locator($"#open-violations a[href='{ViolationList.DetailLink(missed.Id)}']");
        (await link.CountAsync()).ShouldBe(1, "the page lists the week without study");
        var before = await page.Locator("#open-violations li").CountAsync();

        await page.Locator("#record-concentrated-study summary").ClickAsync();
        await page.FillAsync("#r-concentrated-study-on", missed.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#r-concentrated-study-time", "09:00");
        await page.FillAsync("#r-concentrated-study-hours", "半天");
        await page.Locator("#record-concentrated-study input[name=participants]").First.CheckAsync();
        await ConsoleFixture.ScreenshotAsync(page, "record-form");
        await page.Locator("#record-concentrated-study button[type=submit]").ClickAsync();

        await page.WaitForURLAsync($"**/console/units/{Unit}?recorded=1*");
        (await page.Locator("#recorded").TextContentAsync()).ShouldNotBeNull().ShouldContain("解决问题 1 个");
        (await link.CountAsync()).ShouldBe(0, "the violation is resolved");
        (await page.Locator("#open-violations li").CountAsync()).ShouldBe(before - 1);
        (await service.ReadRecordsAsync(Unit)).ShouldNotBeNull().ShouldContain(r => r.Kind == "concentrated-study" && r.Day == missed.PeriodStart && r.RecordedBy == DemoTokens.RecorderPrefix + Unit);
    }

    [Fact]
    public async Task A_duration_the_service_refuses_is_shown_at_its_field_and_nothing_is_stored()
    {
        var service = console.Service;
        var stored = (await service.ReadRecordsAsync(Unit))!.Count;
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync($"/console/units/{Unit}/record/concentrated-study");
        await page.FillAsync("#f-on", "2014-03-07");
        await page.FillAsync("#f-hours", "很久");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#record-form button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        await page.WaitForLoadStateAsync();

        var error = page.Locator("#f-hours-error");
        (await error.TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("#f-hours").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator("#f-hours").GetAttributeAsync("aria-describedby")).ShouldNotBeNull().ShouldContain("f-hours-error");
        (await page.Locator("#f-hours").InputValueAsync()).ShouldBe("很久", "the reader's values stay in the form");
        (await page.Locator("#f-on-error").CountAsync()).ShouldBe(0, "the day is right");
        await ConsoleFixture.ScreenshotAsync(page, "record-form-error");
        (await service.ReadRecordsAsync(Unit))!.Count.ShouldBe(stored);
    }
}
