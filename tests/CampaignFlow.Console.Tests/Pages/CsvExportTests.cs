using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using CsvHelper;

namespace CampaignFlow.Console.Tests.Pages;

/// <summary>
/// The violations page's CSV export is a sheet for a meeting (ADR 0029): UTF-8 with a byte-order mark, so Excel reads the
/// Chinese; columns named in Chinese; units, requirements and phases by their words; moments in Beijing time.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class CsvExportTests(ConsoleFixture console)
{
    /// <summary>The columns a Chinese reader's export has, in order.</summary>
    public static readonly string[] ChineseColumns = ["单位", "上级单位", "要求", "环节", "周期", "性质", "状态", "发现时间", "整改时间", "问题说明", "实施方案", "问题编号"];

    [Fact]
    public async Task The_csv_export_of_the_filtered_list_starts_with_a_bom_and_reads_in_chinese_with_names_and_beijing_times()
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
        csv.HeaderRecord.ShouldBe(ChineseColumns);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(ChineseColumns.ToDictionary(c => c, c => csv.GetField(c)!));
        }

        rows.Count.ShouldBe(total, "every match, not a page");
        var plan = console.Service.Plans.First(p => p.Unit.Id == "panyu-ftu");
        rows.ShouldAllBe(r => r["单位"] == plan.Unit.Name);
        rows.ShouldAllBe(r => r["实施方案"] == plan.Title);
        rows.Select(r => r["环节"]).Distinct().ShouldBeSubsetOf(plan.AllPhases.Select(p => p.Title));
        rows.ShouldAllBe(r => !AsciiWord().IsMatch(r["要求"]), "a requirement in the plan's words, not its id");
        rows.ShouldAllBe(r => BeijingMoment().IsMatch(r["发现时间"]));
        rows.ShouldAllBe(r => r["状态"] == "未整改" || r["状态"] == "已整改");
        rows.Where(r => r["状态"] == "已整改").ShouldAllBe(r => BeijingMoment().IsMatch(r["整改时间"]));

        var stored = await console.Service.QueryViolationsAsync(new ViolationQuery { Units = ["panyu-ftu"], Limit = 1000 });
        rows.Select(r => r["问题编号"]).ShouldBe(stored.Items.Select(v => v.Id), ignoreOrder: true);
        var first = stored.Items.First(v => v.Status == ViolationStatus.Open);
        var row = rows.Single(r => r["问题编号"] == first.Id);
        row["问题说明"].ShouldBe(first.MessageZh);
        // 23:59 Beijing time, the end of the day a period closed: the store keeps it in UTC (15:59).
        row["发现时间"].ShouldBe(string.Create(CultureInfo.InvariantCulture, $"{first.OpenedAt.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日 HH:mm}"));
    }

    [GeneratedRegex("^\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}$")]
    private static partial Regex BeijingMoment();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex AsciiWord();
}
