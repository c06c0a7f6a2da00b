using System.Text;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Recording;

/// <summary>
/// A recorder uploads a CSV of records: a file with a wrong line stores nothing and shows the finding beside that
/// line; the corrected file is stored and the unit page says so.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class UploadRecordsTests(ConsoleFixture console)
{
    private const string Unit = "panyu-ftu";

    [Fact]
    public async Task A_wrong_line_is_shown_at_its_line_and_the_corrected_file_is_stored()
    {
        var service = console.Service;
        var stored = (await service.ReadRecordsAsync(Unit))!.Count;
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.ClickAsync("#upload-link");
        await page.WaitForURLAsync($"**/console/units/{Unit}/upload");

        const string Wrong = "key,activity,on,hours\nupload-test-1,warning-film,2014-04-10,2h\nupload-test-2,warning-film,2014-13-45,2h\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "records.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Wrong)] });
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#upload-form button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        await page.WaitForLoadStateAsync();
        (await page.Locator("#line-3-error").TextContentAsync()).ShouldNotBeNull().ShouldContain("2014-13-45");
        (await page.Locator("#line-3 code").TextContentAsync()).ShouldBe("upload-test-2,warning-film,2014-13-45,2h");
        (await page.Locator("#line-2").CountAsync()).ShouldBe(0, "only lines with findings are shown");
        await ConsoleFixture.ScreenshotAsync(page, "upload-error");
        (await service.ReadRecordsAsync(Unit))!.Count.ShouldBe(stored, "all or nothing");

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "records.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Wrong.Replace("2014-13-45", "2014-04-11", StringComparison.Ordinal)) });
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForURLAsync($"**/console/units/{Unit}?recorded=2*");
        (await page.Locator("#recorded").TextContentAsync()).ShouldNotBeNull().ShouldContain("新增 2 条记录");
        (await service.ReadRecordsAsync(Unit))!.Count.ShouldBe(stored + 2);
    }

    [Fact]
    public async Task A_CSV_saved_in_GBK_is_refused_at_its_first_foreign_byte_and_nothing_is_stored()
    {
        var service = console.Service;
        var stored = (await service.ReadRecordsAsync(Unit))!.Count;
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.RecorderPrefix + Unit);
        await page.GotoAsync($"/console/units/{Unit}/upload");

        // 半天 in GBK, as Excel saves a CSV in a Chinese office, on line 3 after the text before it.
        const string Before = "key,activity,on,hours\ngbk-upload-1,warning-film,2014-04-10,2h\ngbk-upload-2,warning-film,2014-04-10,";
        byte[] gbk = [.. Encoding.UTF8.GetBytes(Before), 0xB0, 0xEB, 0xCC, 0xEC, (byte)'\n'];
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "records.csv", MimeType = "text/csv", Buffer = gbk });
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#upload-form button[type=submit]"), r => r.Request.Method == "POST");

        answer.Status.ShouldBe(400);
        await page.WaitForLoadStateAsync();
        var column = Before.Length - Before.LastIndexOf('\n');
        (await page.Locator("#file-error").TextContentAsync()).ShouldNotBeNull().ShouldContain($"第 3 行第 {column} 列的字节 0xB0");
        (await service.ReadRecordsAsync(Unit))!.Count.ShouldBe(stored, "a refused file stores none of its rows");
    }
}
