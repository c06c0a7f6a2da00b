using CampaignFlow.Campaigns.Service;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Console.Tests.Recording;

/// <summary>
/// A unit's recorder writes an item of its rectification ledger and a document from the unit page, then publishes
/// that document; a day the service refuses is shown at its field and stores nothing; who may not record for the
/// unit gets 403 pages, and a ledger the plan does not have is a 404 page.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class OtherRecordFormTests(ConsoleFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task A_recorder_writes_a_ledger_item_and_a_document_then_publishes_the_document()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.WaitForURLAsync($"**/console/units/{Unit}");

        await page.Locator("#write-ledger-rectification summary").ClickAsync();
        await page.FillAsync("#write-ledger-rectification-on", "2014-08-12");
        await page.FillAsync("#write-ledger-rectification-with-item", "会议过多过长");
        await page.FillAsync("#write-ledger-rectification-with-measure", "精简会议，压缩时长");
        await page.SelectOptionAsync("#write-ledger-rectification-with-owner", new[] { "su-zhibang" });
        await page.FillAsync("#write-ledger-rectification-with-deadline", "2014-09-15");
        await page.SelectOptionAsync("#write-ledger-rectification-with-status", new[] { "done" });
        await ConsoleFixture.ScreenshotAsync(page, "record-ledger-item");
        await page.Locator("#write-ledger-rectification button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/console/units/{Unit}?recorded=1*");

        var item = (await Service.ReadRecordsAsync(Unit))!.Last(r => r.Type == "ledger-item");
        item.Kind.ShouldBe("rectification");
        item.Payload.ShouldContain("精简会议，压缩时长");
        item.Payload.ShouldContain("su-zhibang");
        item.RecordedBy.ShouldBe(DemoTokens.RecorderPrefix + Unit);

        await page.Locator("#write-document-written-statement summary").ClickAsync();
        await page.FillAsync("#write-document-written-statement-on", "2014-07-20");
        await page.SelectOptionAsync("#write-document-written-statement-author", new[] { "su-zhibang" });
        await page.Locator("#write-document-written-statement button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/console/units/{Unit}?recorded=1*");
        var document = (await Service.ReadRecordsAsync(Unit))!.Last(r => r.Type == "document");
        document.Kind.ShouldBe("written-statement");
        document.Day.ShouldBe(new DateOnly(2014, 7, 20));

        (await page.GotoAsync($"/console/units/{Unit}/write/publish/document")).ShouldNotBeNull().Status.ShouldBe(200);
        await page.FillAsync("#f-on", "2014-07-22");
        await page.SelectOptionAsync("#f-publish", new[] { document.Key });
        await page.SelectOptionAsync("#f-to", new[] { "unit" });
        await page.ClickAsync("#record-form button[type=submit]");
        await page.WaitForURLAsync($"**/console/units/{Unit}?recorded=1*");
        var publication = (await Service.ReadRecordsAsync(Unit))!.Last(r => r.Type == "publication");
        publication.Payload.ShouldContain(document.Key);
        publication.Day.ShouldBe(new DateOnly(2014, 7, 22));
    }

    [Fact]
    public async Task A_day_the_service_refuses_is_shown_at_its_field_and_nothing_is_stored()
    {
        var stored = (await Service.ReadRecordsAsync(Unit))!.Count;
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync($"/console/units/{Unit}/write/document/opinion-report");
        await page.FillAsync("#f-on", "2000-01-01");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#record-form button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        await page.WaitForLoadStateAsync();
        (await page.Locator("#f-on-error").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("#f-on").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await Service.ReadRecordsAsync(Unit))!.Count.ShouldBe(stored);
    }

    [Theory]
    [InlineData(DemoTokens.Auditor)]
    [InlineData(DemoTokens.RecorderPrefix + "mianyang-ftu")]
    public async Task Who_may_not_record_for_the_unit_gets_403_pages(string token)
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, token);
        foreach (var path in new[] { $"/console/units/{Unit}/write/ledger/rectification", $"/console/units/{Unit}/write/document/meeting-plan", $"/console/units/{Unit}/write/publish/document" })
        {
            (await page.GotoAsync(path)).ShouldNotBeNull().Status.ShouldBe(403, path);
        }
    }

    [Fact]
    public async Task A_ledger_the_plan_does_not_have_is_a_404_page()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Admin);
        (await page.GotoAsync($"/console/units/{Unit}/write/ledger/no-such-ledger")).ShouldNotBeNull().Status.ShouldBe(404);
        (await page.Locator("[role=alert]").TextContentAsync()).ShouldNotBeNull().ShouldContain("no-such-ledger");
    }

    private CampaignService Service => console.Service;
}
