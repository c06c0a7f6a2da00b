using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Plans.Tests.Calendar;

/// <summary>
/// A holidays file with a mistake (issue 18, item 7): the seed file definitions/calendar/china.holidays.yaml with one
/// line changed, each finding at the file, line and column of the mistake, in English and Chinese.
/// </summary>
public sealed class HolidaysFileTests
{
    private static readonly string Seed = File.ReadAllText(Repository.Path("definitions", "calendar", "china.holidays.yaml"));

    private const string Plan = """
        plan: mianyang-ftu-2014
        title: 绵阳市总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: mianyang-ftu, name: 绵阳市总工会 }
        campaign: { year: 2014, window: 1月中旬-9月底 }
        calendar: { holidays: calendar/china.holidays.yaml }
        activities:
          research-trip: 深入基层调研
        documents:
          research-report: 调研报告
        actions:
          - { id: reports, forEach: research-trip, document: research-report, within: 7个工作日 }
        """;

    private static (PlanCatalog Catalog, string Holidays) Load(string holidays, string plan = Plan)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-holidays-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "calendar"));
        var file = Path.Combine(folder, "calendar", "china.holidays.yaml");
        File.WriteAllText(file, holidays);
        File.WriteAllText(Path.Combine(folder, "mianyang-ftu-2014.yaml"), plan);
        return (PlanCatalog.Load([folder]), file);
    }

    // Where `text` stands in the file: its line and column, counted from 1.
    private static (int Line, int Column) Position(string file, string text)
    {
        var lines = Seed.ReplaceLineEndings("\n").Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        line.ShouldBeGreaterThanOrEqualTo(0, $"'{text}' is not in {file}");
        return (line + 1, lines[line].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    private static PlanDiagnostic Only(PlanCatalog catalog) =>
        catalog.Diagnostics.ShouldHaveSingleItem(string.Join("\n", catalog.Diagnostics));

    [Fact]
    public void The_seed_file_is_read_without_a_finding()
    {
        var (catalog, _) = Load(Seed);

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        catalog.Plans["mianyang-ftu-2014"].WorkingCalendar.Years.ShouldBe([2013, 2014]);
    }

    [Fact]
    public void A_weekday_listed_as_worked_instead_is_refused_at_its_place()
    {
        // The notice says 9月28日（星期日）; 9月29日 is a Monday, worked anyway.
        var (catalog, file) = Load(Seed.Replace("workdays: [9月28日, 10月11日]", "workdays: [9月29日, 10月11日]", StringComparison.Ordinal));

        var finding = Only(catalog);
        finding.Code.ShouldBe("holidays-workday-not-weekend");
        finding.Location.File.ShouldBe(file);
        (finding.Location.Line, finding.Location.Column).ShouldBe(Position(file, "9月28日, 10月11日"));
        finding.Message(new CultureInfo("zh-CN")).ShouldBe("“9月29日”是星期一，本来就是工作日：这里只列调休上班的星期六、星期日");
        finding.Message(CultureInfo.InvariantCulture).ShouldBe("'9月29日' is a Monday, a working day anyway: list only the Saturdays and Sundays worked instead");
        catalog.Plans.ContainsKey("mianyang-ftu-2014").ShouldBeFalse();
    }

    [Fact]
    public void An_impossible_day_off_is_refused_at_its_place()
    {
        var (catalog, file) = Load(Seed.Replace("off: 2月9日至15日", "off: 2月29日至3月1日", StringComparison.Ordinal));

        var finding = Only(catalog);
        finding.Code.ShouldBe("impossible-date");
        (finding.Location.Line, finding.Location.Column).ShouldBe(Position(file, "2月9日至15日"));
    }

    [Fact]
    public void A_year_listed_twice_is_refused_at_the_second()
    {
        var (catalog, file) = Load(Seed.Replace("  - year: 2014", "  - year: 2013", StringComparison.Ordinal));

        // The second entry is refused, so 2014 is missing as well: one error for the mistake, one warning for its effect.
        catalog.Diagnostics.Select(d => (d.Code, d.Severity)).ShouldBe([("holidays-year-twice", DiagnosticSeverity.Error), ("holidays-year-missing", DiagnosticSeverity.Warning)], ignoreOrder: true);
        var finding = catalog.Diagnostics.Single(d => d.Code == "holidays-year-twice");
        finding.Location.File.ShouldBe(file);
        finding.Location.Line.ShouldBe(Position(file, "  - year: 2014").Line);
    }

    [Fact]
    public void A_day_both_off_and_worked_is_refused()
    {
        var (catalog, file) = Load(Seed.Replace("workdays: [5月4日]", "workdays: [5月3日]", StringComparison.Ordinal));

        var finding = Only(catalog);
        finding.Code.ShouldBe("holidays-workday-off");
        (finding.Location.Line, finding.Location.Column).ShouldBe(Position(file, "5月4日]"));
    }

    [Fact]
    public void A_misspelt_key_is_told_with_the_key_it_means()
    {
        var (catalog, file) = Load(Seed.Replace("{ name: 元旦, off: 1月1日 }", "{ name: 元旦, of: 1月1日 }", StringComparison.Ordinal));

        var codes = catalog.Diagnostics.Select(d => d.Code).ToArray();
        codes.ShouldContain("unknown-key");
        catalog.Diagnostics.ShouldAllBe(d => d.Location.File == file);
    }

    [Fact]
    public void A_missing_file_is_told_at_the_plans_key()
    {
        var (catalog, _) = Load(Seed, Plan.Replace("calendar/china.holidays.yaml", "calendar/china-holidays.yaml", StringComparison.Ordinal));

        var finding = Only(catalog);
        finding.Code.ShouldBe("holidays-file-missing");
        finding.Location.File.ShouldEndWith("mianyang-ftu-2014.yaml");
        (finding.Location.Line, finding.Location.Column).ShouldBe((5, 23));
    }

    [Fact]
    public void A_campaign_year_the_file_does_not_list_is_a_warning_and_counts_monday_to_friday()
    {
        var (catalog, _) = Load(Seed, Plan.Replace("campaign: { year: 2014, window: 1月中旬-9月底 }", "campaign: { year: 2014, window: 2014年10月-2015年3月 }", StringComparison.Ordinal));

        var finding = Only(catalog);
        (finding.Code, finding.Severity).ShouldBe(("holidays-year-missing", DiagnosticSeverity.Warning));
        finding.Message(new CultureInfo("zh-CN")).ShouldBe("节假日未列出2015年：该年按周一至周五计算工作日（请把该年的放假通知补入节假日文件）");
        catalog.Plans["mianyang-ftu-2014"].WorkingCalendar.IsWorkingDay(new DateOnly(2015, 1, 2)).ShouldBeTrue();
    }

    [Fact]
    public void A_plan_stored_as_texts_reads_its_holidays_among_them()
    {
        var catalog = PlanCatalog.LoadTexts([
            new PlanText("mianyang-ftu-2014.yaml", Plan),
            new PlanText("calendar/china.holidays.yaml", Seed),
        ]);

        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        catalog.Files.ShouldBe(["mianyang-ftu-2014.yaml"]);
        catalog.Plans["mianyang-ftu-2014"].WorkingCalendar.IsWorkingDay(new DateOnly(2014, 10, 11)).ShouldBeTrue();
    }
}
