using System.Text.RegularExpressions;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// Every command takes <c>--lang</c>, and <c>--help</c> speaks it: the commands', options' and arguments' descriptions
/// from the CLI's catalogue, and System.CommandLine's own words (Usage, Options) from its Simplified Chinese resources.
/// </summary>
public partial class HelpLanguageTests
{
    public static TheoryData<string> Commands() =>
        ["validate", "show", "schema", "simulate", "report", "diff", "new", "violations", "import", "migrate", "publish"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_commands_help_is_Chinese_with_lang_zh_CN(string command)
    {
        var run = CliRun.WithLang("C.UTF-8", command, "--help", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0);
        var described = Described(run.Output).ToArray();
        described.ShouldNotBeEmpty();
        described.ShouldAllBe(line => Chinese().IsMatch(line), "every option and argument is described in Chinese");
        run.Output.ShouldContain("--lang");
        run.Output.ShouldContain("用法");
        run.Output.ShouldNotContain("Usage:");
        // Nor the words System.CommandLine's Chinese resources leave English.
        run.Output.ShouldStartWith("说明:");
        run.Output.ShouldNotContain("Description:");
        run.Output.ShouldNotContain("[default:");
        run.Output.ShouldNotContain("(REQUIRED)");
    }

    [Fact]
    public void A_required_option_and_a_default_are_said_in_Chinese_with_the_descriptions_still_in_one_column()
    {
        var run = CliRun.WithLang("C.UTF-8", "simulate", "--help", "--lang", "zh-CN");

        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var activities = lines.Single(l => l.TrimStart().StartsWith("--activities", StringComparison.Ordinal));
        activities.ShouldContain("（必填）");
        lines.Single(l => l.TrimStart().StartsWith("--format", StringComparison.Ordinal)).ShouldEndWith("[默认：table]");
        var format = lines.Single(l => l.TrimStart().StartsWith("--format", StringComparison.Ordinal));
        Column(activities).ShouldBe(Column(format), "the Chinese (必填) takes the display width of (REQUIRED)");
    }

    [Fact]
    public void LC_ALL_and_LC_MESSAGES_outrank_LANG_as_for_every_POSIX_tool()
    {
        CliRun.WithLocale(new Dictionary<string, string?> { ["LC_ALL"] = "zh_CN.UTF-8", ["LANG"] = "C.UTF-8" }, "--help")
            .Output.ShouldContain("用法", customMessage: "LC_ALL=zh_CN.UTF-8 with LANG=C.UTF-8");
        CliRun.WithLocale(new Dictionary<string, string?> { ["LC_MESSAGES"] = "en_US.UTF-8", ["LANG"] = "zh_CN.UTF-8" }, "--help")
            .Output.ShouldContain("Usage:", customMessage: "LC_MESSAGES=en_US.UTF-8 with LANG=zh_CN.UTF-8");
        CliRun.WithLocale(new Dictionary<string, string?> { ["LC_MESSAGES"] = "", ["LANG"] = "zh_CN.UTF-8" }, "--help")
            .Output.ShouldContain("用法", customMessage: "an empty LC_MESSAGES is not set");
    }

    // Where a help line's description starts, in display cells (a Chinese character takes two).
    private static int Column(string line)
    {
        var match = OptionLine().Match(line);
        return line[..match.Groups["description"].Index].Sum(c => c > 0x2E80 ? 2 : 1);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_commands_help_is_English_with_lang_en(string command)
    {
        var run = CliRun.WithLang("zh_CN.UTF-8", command, "--help", "--lang", "en");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("Usage:");
        run.Output.ShouldContain("--lang");
        Chinese().IsMatch(run.Output.Replace("魏都区南关街道党工委", "", StringComparison.Ordinal)).ShouldBeFalse(run.Output);
    }

    [Fact]
    public void The_root_help_follows_LANG_when_no_lang_is_given()
    {
        var run = CliRun.WithLang("zh_CN.UTF-8", "--help");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("把活动实施方案变成可执行、可检查的工作流程");
        run.Output.ShouldContain("检查方案；有任何错误时退出码为 1。");
        run.Output.ShouldContain("用法");
    }

    [Fact]
    public void Schema_takes_lang_and_says_its_failure_in_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaignflow-no-such-folder-" + Guid.NewGuid().ToString("N"), "plan.schema.json");

        var run = CliRun.WithLang("C.UTF-8", "schema", "--output", folder, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldStartWith($"无法写入 {folder}：");
        CliRun.WithLang("C.UTF-8", "schema", "--lang", "klingon").ExitCode.ShouldBe(2);
    }

    // The description column of the help's option and argument lines (two spaces in, then the name, then two or more).
    private static IEnumerable<string> Described(string help) =>
        help.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && OptionLine().IsMatch(l))
            .Select(l => OptionLine().Match(l).Groups["description"].Value);

    [GeneratedRegex(@"^  (?:-|<)\S.*?\s{2,}(?<description>\S.*)$")]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
