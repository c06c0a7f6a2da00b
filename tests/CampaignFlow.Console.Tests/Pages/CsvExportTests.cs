using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Api.Violations;
using CampaignFlow.Server.Security;
using CsvHelper;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>The violations page's export is the API's CSV with a byte-order mark, so Excel reads the Chinese.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CsvExportTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_csv_export_of_the_filtered_list_starts_with_a_bom_and_parses_to_every_match()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        await page.GotoAsync("/console/violations?unit=panyu-ftu");
        var total = int.Parse(await page.Locator("#violations-count").GetAttributeAsync("data-total") ?? "-1", CultureInfo.InvariantCulture);
        total.ShouldBeGreaterThan(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        download.SuggestedFilename.ShouldBe("violations.csv");
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        bytes.Take(3).ShouldBe(Encoding.UTF8.Preamble.ToArray(), "UTF-8 with a byte-order mark");

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read().ShouldBeTrue();
        csv.ReadHeader();
        csv.HeaderRecord.ShouldBe(ViolationCsv.Header.Split(','));
        var rows = new List<(string Unit, string Message)>();
        while (csv.Read())
        {
            rows.Add((csv.GetField("unit")!, csv.GetField("message")!));
        }

        rows.Count.ShouldBe(total, "every match, not a page");
        rows.ShouldAllBe(r => r.Unit == "panyu-ftu");
        rows.ShouldContain(r => r.Message.Any(c => c >= '\u4e00' && c <= '\u9fff'), "messages in the reader's language, Chinese");
    }
}
