using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;
using CsvHelper;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow report BODY --at DAY</c> on the seeds and their demo logs: the same counts as <c>simulate</c> gives for
/// each unit, in a table for people (Chinese dates), CSV and JSON for tools (read back by parsing).
/// </summary>
public class ReportCommandTests
{
    [Fact]
    public void The_text_table_is_in_Chinese_with_the_day_as_people_write_it_and_the_counts_of_simulate()
    {
        var run = CliRun.Of("report", "weidu-district", "--at", "2014-10-01", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.TrimEnd().Split('\n');
        lines[0].ShouldBe("中共魏都区委（weidu-district）下 59 个单位的合规汇总，截至2014年10月1日（该日结束时）");
        run.Output.ShouldContain("魏都区西关街道党工委");
        lines[^1].ShouldStartWith("59 个单位中 ");
        lines[^1].ShouldEndWith(" 个", Case.Sensitive);
    }

    [Theory]
    [InlineData("zh-CN", "魏都区西关街道党工委", "街道（产业集聚区）")]
    [InlineData("zh-CN", "西关街道建设路社区党委", "社区")]
    [InlineData("en", "魏都区西关街道党工委", "street")]
    public void A_unit_kind_is_said_by_its_title_in_Chinese_and_by_its_id_in_English(string language, string unit, string kind)
    {
        var run = CliRun.Of("report", "weidu-district", "--at", "2014-06-30", "--lang", language);

        run.ExitCode.ShouldBe(0, run.Error);
        var row = run.Output.Split('\n').Single(l => l.StartsWith(unit + " ", StringComparison.Ordinal));
        row[unit.Length..].TrimStart().ShouldStartWith(kind + " ");
    }

    [Fact]
    public void A_body_that_runs_no_campaign_is_named_by_its_organisation_line()
    {
        var run = CliRun.Of("report", "xuchang-city", "--at", "2014-06-30", "--lang", "en");
        var name = PlanCatalog.Load([Repository.Path("definitions")]).Organisation.Find("xuchang-city")!.Name;

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Split('\n')[0].ShouldBe($"Compliance of the 59 unit(s) under {name} (xuchang-city) at the end of 2014-06-30");
    }

    [Fact]
    public void Csv_is_UTF8_with_a_byte_order_mark_and_has_a_row_per_unit_and_a_column_per_requirement()
    {
        var run = CliRun.Of("report", "xuchang-city", "--at", "2014-10-01", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutputBytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with a byte-order mark, for spreadsheets");
        using var csv = new CsvReader(new StreamReader(new MemoryStream(run.OutputBytes)), CultureInfo.InvariantCulture);
        csv.Read().ShouldBeTrue();
        csv.ReadHeader().ShouldBeTrue();
        var header = csv.HeaderRecord!;
        header.Take(10).ShouldBe(["unit", "name", "kind", "plan", "planVersion", "met", "pending", "violated", "openViolations", "daysOverdue"]);
        var requirements = header.Skip(10).ToArray();
        requirements.ShouldContain("concentrated-education-span:total-span");
        var rows = 1;
        while (csv.Read() && csv.GetField("unit") != "weidu-xiguan-street")
        {
            rows++;
        }

        csv.GetField("name").ShouldBe("魏都区西关街道党工委");
        csv.GetField<int>("openViolations").ShouldBe(3);
        csv.GetField<int>("pending").ShouldBe(0, "every period has ended by October");
        var cells = requirements.Select(r => csv.GetField(r)).ToArray();
        // Empty: a requirement 西关街道's plan does not have (教体局's own school forums, 工商局's own surveys, 魏都区委's over
        // its units and their members).
        cells.ShouldAllBe(c => c == "" || c == "met" || c == "violated");
        string[] others = ["school-forums", "service-surveys", "units-", "members-"];
        cells.Count(c => c == "").ShouldBe(requirements.Count(r => others.Any(o => r.StartsWith(o, StringComparison.Ordinal))));
        cells.Count(c => c == "violated").ShouldBe(csv.GetField<int>("violated"));
        while (csv.Read())
        {
            rows++;
        }

        rows.ShouldBe(59, "魏都区委 and the 58 units of 魏都区's organisation file below it are under 许昌市");
    }

    [Fact]
    public void The_districts_roll_up_changes_as_its_units_record()
    {
        JsonElement Rows(string at)
        {
            var run = CliRun.Of("report", "weidu-district", "--at", at, "--format", "json");
            run.ExitCode.ShouldBe(0, run.Error);
            return JsonDocument.Parse(run.Output).RootElement;
        }

        int Violated(JsonElement rollup, string unit) =>
            rollup.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unit").GetProperty("id").GetString() == unit).GetProperty("totals").GetProperty("violated").GetInt32();

        var march = Rows("2014-03-31");
        var june = Rows("2014-06-01");

        march.GetProperty("totals").GetProperty("pending").GetInt32().ShouldBeGreaterThan(june.GetProperty("totals").GetProperty("pending").GetInt32());
        june.GetProperty("totals").GetProperty("openViolations").GetInt32().ShouldBeGreaterThan(march.GetProperty("totals").GetProperty("openViolations").GetInt32());
        // definitions/activities/units: 东大街道 did everything of the first link, 西大街道 missed 群众代表, the revisit and the contact points,
        // 文峰街道 (on the same template) recorded nothing.
        Violated(june, "weidu-dongda-street").ShouldBe(0);
        Violated(june, "weidu-xida-street").ShouldBe(3);
        Violated(june, "weidu-wenfeng-street").ShouldBeGreaterThan(3);
        Violated(june, "weidu-court").ShouldBe(1, "the court's one gap: no base visit (WD-08)");
    }

    [Fact]
    public void Json_is_the_roll_up_the_server_answers()
    {
        var run = CliRun.Of("report", "panyu-district", "--at", "2014-10-01", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var rollup = JsonDocument.Parse(run.Output).RootElement;
        rollup.GetProperty("body").GetString().ShouldBe("panyu-district");
        rollup.GetProperty("name").GetString().ShouldBe(PlanCatalog.Load([Repository.Path("definitions")]).Organisation.Find("panyu-district")!.Name, "the body's name beside its id");
        rollup.GetProperty("at").GetString().ShouldBe("2014-10-01");
        rollup.GetProperty("totals").GetProperty("openViolations").GetInt32().ShouldBe(4, "simulate finds 4 violations in 番禺's demo log");
        var row = rollup.GetProperty("rows")[0];
        row.GetProperty("unit").GetProperty("id").GetString().ShouldBe("panyu-ftu");
        row.GetProperty("cells").EnumerateArray().Count(c => c.GetString() == "violated").ShouldBe(row.GetProperty("totals").GetProperty("violated").GetInt32());
        rollup.GetProperty("requirements").GetArrayLength().ShouldBe(row.GetProperty("cells").GetArrayLength());
    }

    [Fact]
    public void Before_the_campaign_ends_requirements_still_open_are_pending_and_later_records_do_not_count()
    {
        var run = CliRun.Of("report", "panyu-district", "--at", "2014-03-31", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var totals = JsonDocument.Parse(run.Output).RootElement.GetProperty("totals");
        totals.GetProperty("pending").GetInt32().ShouldBeGreaterThan(0);
        totals.GetProperty("openViolations").GetInt32().ShouldBe(1, "simulate --at 2014-03-31 finds 1 violation (week 10)");
    }

    [Fact]
    public void A_demo_log_saved_in_GBK_is_refused_at_its_first_foreign_byte_and_nothing_of_it_counts()
    {
        // 西关街道's demo log with its first 半天 in GBK: it was read with U+FFFD and recorded.
        var definitions = Path.Combine(Path.GetTempPath(), "cf-report-gbk-" + Guid.NewGuid().ToString("N"));
        Repository.CopyFolder("definitions", definitions);
        var log = Path.Combine(definitions, "activities", "weidu-xiguan-street-2014.yaml");
        var seed = File.ReadAllBytes(log);
        var halfDay = Encoding.UTF8.GetBytes("hours: 半天");
        var at = seed.AsSpan().IndexOf(halfDay) + "hours: ".Length;
        at.ShouldBeGreaterThan("hours: ".Length);
        File.WriteAllBytes(log, [.. seed[..at], 0xB0, 0xEB, 0xCC, 0xEC, .. seed[(at + Encoding.UTF8.GetByteCount("半天"))..]]);
        var before = Encoding.UTF8.GetString(seed[..at]);
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - before.LastIndexOf('\n');

        var run = CliRun.Of("report", "weidu-district", "--at", "2014-10-01", "--definitions", definitions, "--format", "json", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe($"{log}：活动记录有误，未计入：{log}:{line}:{column}: error file-not-utf8: 文件不是以 UTF-8 编码保存的：此处的字节 0xB0 不是 UTF-8 字符；请将文件另存为 UTF-8 编码" + Environment.NewLine);
        run.Output.ShouldNotContain("\uFFFD");

        // Nothing of it was recorded: the district's roll-up is the one without the log.
        File.Delete(log);
        var without = CliRun.Of("report", "weidu-district", "--at", "2014-10-01", "--definitions", definitions, "--format", "json", "--lang", "zh-CN");
        without.ExitCode.ShouldBe(0, without.Error);
        run.Output.ShouldBe(without.Output);
        Directory.Delete(definitions, recursive: true);
    }

    [Fact]
    public void An_unknown_body_says_so_in_the_chosen_language()
    {
        var run = CliRun.Of("report", "nowhere", "--at", "2014-10-01", "--lang", "en");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("no unit with a valid plan is under 'nowhere'");
    }

    [Theory]
    [InlineData("2014-02-30")]
    [InlineData("yesterday")]
    public void A_day_that_does_not_exist_is_a_command_line_error(string day)
    {
        var run = CliRun.Of("report", "panyu-district", "--at", day);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"--at '{day}' is not a day");
    }
}
