using System.Globalization;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using MiniExcelLibs;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>The violations page's .xlsx export holds the CSV export's columns and cells and one row per match.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class XlsxExportTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_xlsx_export_of_the_filtered_list_reads_back_to_the_csv_exports_rows()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        await page.GotoAsync("/console/violations?unit=panyu-ftu");
        var total = int.Parse(await page.Locator("#violations-count").GetAttributeAsync("data-total") ?? "-1", CultureInfo.InvariantCulture);
        total.ShouldBeGreaterThan(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        download.SuggestedFilename.ShouldBe("violations.xlsx");
        await using var file = File.OpenRead(await download.PathAsync());
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        rows.Count.ShouldBe(total, "every match, not a page");
        rows[0].Keys.ShouldBe(CsvExportTests.ChineseColumns);
        var name = console.Service.Plans.First(p => p.Unit.Id == "panyu-ftu").Unit.Name;
        rows.ShouldAllBe(r => (string?)r["单位"] == name);

        using var csv = new StreamReader(new MemoryStream(await (await page.APIRequest.GetAsync("/console/violations.csv?unit=panyu-ftu")).BodyAsync()));
        using var reader = new CsvHelper.CsvReader(csv, CultureInfo.InvariantCulture);
        var csvRows = new List<string[]>();
        reader.Read();
        reader.ReadHeader();
        while (reader.Read())
        {
            csvRows.Add([.. CsvExportTests.ChineseColumns.Select(c => reader.GetField(c)!)]);
        }

        rows.Select(r => CsvExportTests.ChineseColumns.Select(c => (string?)r[c] ?? "").ToArray()).ShouldBe(csvRows, "the same cells as the CSV");
    }

    [Fact]
    public async Task An_export_with_no_match_is_the_header_alone()
    {
        var page = await console.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, DemoTokens.Auditor);
        var answer = await page.APIRequest.GetAsync("/console/violations.xlsx?unit=panyu-ftu&requirement=no-such-requirement");
        answer.Status.ShouldBe(200);
        using var workbook = new MemoryStream(await answer.BodyAsync());
        var rows = workbook.Query().Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(1);
        rows[0].Values.Select(v => (string?)v).ShouldBe(CsvExportTests.ChineseColumns);
    }
}
