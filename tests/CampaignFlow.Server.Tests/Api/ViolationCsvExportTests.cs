using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Server.Api.Violations;
using CsvHelper;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// The streamed CSV export, read back by a CSV parser: a byte-order mark, the header, and each violation's cells in the
/// store's order, whatever the fields hold (commas, quotes, line breaks, Chinese; a formula's start kept text).
/// </summary>
public sealed class ViolationCsvExportTests
{
    private static readonly DateTimeOffset At = new(2014, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_streamed_export_reads_back_as_every_violations_cells(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        IViolationStore store = new InMemoryViolationStore();
        // More than a buffer's worth, with commas, quotes, line breaks, formula starts and Chinese.
        var violations = Enumerable.Range(0, 2_345).Select(Violation).ToList();
        await store.ApplyAsync(violations.Select(v => new ViolationUpdate(true, At, v)).ToList());
        await store.ApplyAsync(violations.Where((_, i) => i % 4 == 0).Select(v => new ViolationUpdate(false, At.AddDays(2), v)).ToList());
        var query = new ViolationQuery { Units = violations.Select(v => v.Unit).Distinct().ToArray() };

        using var streamed = new MemoryStream();
        await ViolationCsvExport.WriteAsync(streamed, store.StreamAsync(query), culture, CancellationToken.None);
        var bytes = streamed.ToArray();

        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "UTF-8 with a byte-order mark, so a spreadsheet reads the Chinese");
        var rows = Parse(bytes);
        rows[0].ShouldBe(ViolationCsv.Header.Split(','));
        var stored = (await store.QueryAsync(query with { Limit = 10_000 })).Items;
        rows.Skip(1).ToList().ShouldBe(stored.Select(v => ViolationCsv.Cells(v, culture).Select(KeptText).ToArray()).ToList());
        rows.Skip(1).ShouldAllBe(r => r[r.Length - 1].Contains('"'), "quotes inside a message survive the quoting");
        rows.ShouldContain(r => r[13] == "'=SUM(A1)");
        rows.ShouldContain(r => r[13] == "'+8613800000000");
        rows.ShouldContain(r => r[13] == "李,王");
    }

    [Fact]
    public async Task An_empty_export_is_the_header_alone()
    {
        using var streamed = new MemoryStream();
        await ViolationCsvExport.WriteAsync(streamed, AsyncEnumerable.Empty<StoredViolation>(), CultureInfo.InvariantCulture, CancellationToken.None);

        Encoding.UTF8.GetString(streamed.ToArray()).ShouldBe("\uFEFF" + ViolationCsv.Header + "\r\n");
    }

    // A cell a spreadsheet would take for a formula is written with a leading quote mark.
    private static string KeptText(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '@' ? "'" + cell : cell;

    private static List<string[]> Parse(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    private static StoredViolation Violation(int i)
    {
        var unit = $"unit-{i % 97:000}";
        var week = 10 + i % 20;
        var start = DateOnly.FromDateTime(ISOWeek.ToDateTime(2014, week, DayOfWeek.Monday));
        return new StoredViolation
        {
            Id = $"{unit}/plan@1/weekly-study/2014-W{week:00}/{i}",
            Unit = unit,
            Body = i % 3 == 0 ? null : "weidu-district",
            PlanId = "plan",
            PlanVersion = 1 + i % 2,
            RequirementId = "weekly-study:period-minimum",
            ActionId = "weekly-study",
            Kind = "period-minimum",
            Severity = i % 5 == 0 ? "soft" : "required",
            PhaseId = i % 7 == 0 ? null : "study",
            Period = $"2014-W{week:00}",
            PeriodStart = start,
            PeriodEnd = start.AddDays(6),
            Target = (i % 4) switch { 0 => null, 1 => "李,王", 2 => "=SUM(A1)", _ => "+8613800000000" },
            Code = "period-minimum-hours",
            MessageZh = $"第{week}周集中学习 2 小时，\"引号\"\n少于半天",
            MessageEn = $"week {week}: 2 h, \"quoted\", less than half a day",
            Details = "{\"hours\":2}",
        };
    }
}
