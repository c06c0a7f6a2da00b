using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Cli.Output;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// Every template of the CLI's catalogue rendered in Chinese reads as Chinese: no English word is left in it but the
/// command line's own names (the program, its options, language tags), which a reader types as they are.
/// </summary>
public partial class CatalogueTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    // What a Chinese sentence may spell in ASCII: what the reader types (the program, a command, options, language
    // tags) and the plan keys the report's hint points at. Placeholders are filled with marks, numbers have no letters.
    private static readonly HashSet<string> Allowed =
    [
        "campaignflow", "validate", "--help", "--lang", "--at", "--definitions", "zh-CN", "zh", "zh-Hans", "en", "en-US", "unit.id", "unit.parent",
        "--explain", "JSON", "CSV", "--server", "--data", "--token", "--to", "--batch", "--template", "--unit", "--body", "--name", "open", "resolved", "required", "soft",
        "new", "--dry-run", "--accept-lost-progress", "plan", "version", "unit", "--limit",
        // --help's descriptions: the values an option takes, example ids and paths as typed, the formats' own names.
        "CampaignFlow", "LANG", "LC", "ALL", "MESSAGES", "en-GB", "YAML", "UTF", "Schema", "http", "W", "docs", "activities", "activity-log-format.md", "plan-format.zh-CN.md", "definitions", "campaignflow.db",
        "text", "table", "json", "csv", "yaml", "tree", "behind", "record", "records", "violation", "window", "street", "study", "district-organs", "unit.kind",
        "panyu-ftu", "weidu-district", "xuchang-city", "weidu-nanguan-street", "weekly-study", "period-minimum",
    ];

    public static TheoryData<string> Codes() => [.. CliMessages.Templates.Codes.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_template_in_Chinese_has_no_English_words(string code)
    {
        var text = Render(code);

        EnglishWords().Matches(text).Select(m => m.Value).Where(w => !Allowed.Contains(w)).ShouldBeEmpty($"{code}: {text}");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_template_renders_in_English_too(string code)
    {
        var text = Should.NotThrow(() => CliMessages.Text(code, CultureInfo.GetCultureInfo("en"), [.. Enumerable.Range(0, 10).Select(i => $"〔{i}〕")]), code);

        text.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_day_reads_as_Chinese_writes_it_and_one_day_is_not_a_range()
    {
        CliMessages.Day(new DateOnly(2014, 3, 7), Chinese).ShouldBe("2014年3月7日");
        CliMessages.Days(new DateOnly(2013, 10, 17), new DateOnly(2013, 10, 17), Chinese).ShouldBe("2013年10月17日");
        CliMessages.Days(new DateOnly(2014, 2, 11), new DateOnly(2014, 4, 30), Chinese).ShouldBe("2014年2月11日至4月30日");
        CliMessages.Days(new DateOnly(2013, 12, 1), new DateOnly(2014, 1, 31), Chinese).ShouldBe("2013年12月1日至2014年1月31日");
        CliMessages.Days(new DateOnly(2014, 2, 11), new DateOnly(2014, 4, 30), CultureInfo.InvariantCulture).ShouldBe("2014-02-11..2014-04-30");
    }

    // Each placeholder filled with a mark that is no word, so only the template's own text is judged.
    private static string Render(string code) => CliMessages.Text(code, Chinese, [.. Enumerable.Range(0, 10).Select(i => $"〔{i}〕")]);

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:--)?[A-Za-z]+(?:[-.][A-Za-z]+)*")]
    private static partial Regex EnglishWords();
}
