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
