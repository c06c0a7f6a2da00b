using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Queries;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;
using CampaignFlow.Server.Api.Violations;
using CsvHelper;

namespace CampaignFlow.Server.Tests.Api;

/// <summary>
/// The streamed CSV export writes exactly what the export wrote when it built the whole file in memory (pages of
/// 1,000 by offset, <c>Results.Text</c> in UTF-8 without a byte-order mark): the same bytes, and read back by a CSV
/// parser, the same cells, whatever the fields hold.
/// </summary>
public sealed class ViolationCsvExportTests
{
    private static readonly DateTimeOffset At = new(2014, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_streamed_export_is_byte_for_byte_the_export_built_in_memory(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        IViolationStore store = new InMemoryViolationStore();
        // More than two of the old export's pages, with commas, quotes, line breaks, formula starts and Chinese.
        var violations = Enumerable.Range(0, 2_345).Select(Violation).ToList();
        await store.ApplyAsync(violations.Select(v => new ViolationUpdate(true, At, v)).ToList());
        await store.ApplyAsync(violations.Where((_, i) => i % 4 == 0).Select(v => new ViolationUpdate(false, At.AddDays(2), v)).ToList());
        var query = new ViolationQuery { Units = violations.Select(v => v.Unit).Distinct().ToArray() };

        var before = await BuiltInMemoryAsync(store, query, culture);
        using var streamed = new MemoryStream();
        await ViolationCsvExport.WriteAsync(streamed, store.StreamAsync(query), culture, CancellationToken.None);
        var after = streamed.ToArray();

        after.ShouldBe(before);
        after.Take(3).ShouldNotBe(Encoding.UTF8.GetPreamble(), "no byte-order mark, as before");
        var (beforeRows, afterRows) = (Parse(before), Parse(after));
        afterRows.Count.ShouldBe(violations.Count + 1);
        afterRows.ShouldBe(beforeRows);
        afterRows[0].ShouldBe(ViolationCsv.Header.Split(','));
        afterRows.Skip(1).Select(r => r[0]).ShouldBe((await store.QueryAsync(query with { Limit = 10_000 })).Items.Select(v => v.Id));
        afterRows.Skip(1).ShouldAllBe(r => r[r.Length - 1].Contains('"'), "quotes inside a message survive the quoting");
        afterRows.ShouldContain(r => r[13] == "'=SUM(A1)");
    }

    [Fact]
    public async Task An_empty_export_is_the_header_alone()
    {
        using var streamed = new MemoryStream();
        await ViolationCsvExport.WriteAsync(streamed, AsyncEnumerable.Empty<StoredViolation>(), CultureInfo.InvariantCulture, CancellationToken.None);

        Encoding.UTF8.GetString(streamed.ToArray()).ShouldBe(ViolationCsv.Header + "\r\n");
    }

    /// <summary>The export as GET /violations?format=csv built it before it was streamed.</summary>
    private static async Task<byte[]> BuiltInMemoryAsync(IViolationStore store, ViolationQuery query, CultureInfo culture)
    {
        const int exportPage = 1000;
        var csv = new StringBuilder(ViolationCsv.Header).Append("\r\n");
        for (var offset = 0; ; offset += exportPage)
        {
            var page = await store.QueryAsync(query with { Offset = offset, Limit = exportPage });
            foreach (var v in page.Items)
            {
                csv.Append(ViolationCsv.Row(v, culture)).Append("\r\n");
            }

            if (page.Items.Count < exportPage)
            {
                break;
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static List<string[]> Parse(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8);
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
