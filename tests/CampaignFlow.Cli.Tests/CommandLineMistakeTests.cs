namespace CampaignFlow.Cli.Tests;

/// <summary>
/// A mistyped command line is said in the language asked for (or the environment's), from the catalogue, with exit code
/// 2: System.CommandLine's own sentences are English whatever <c>--lang</c> says.
/// </summary>
public class CommandLineMistakeTests
{
    private static readonly string[] Panyu = ["simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml"];

    [Theory]
    [InlineData("--lang", "zh-CN")]
    [InlineData("--lang=zh-CN")]
    public void An_unknown_command_is_said_in_chinese(params string[] lang)
    {
        var run = CliRun.WithLang("C.UTF-8", ["frobnicate", .. lang]);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldContain("“frobnicate”");
        run.Error.ShouldNotContain("Unrecognized");
        run.Error.ShouldNotContain("Required command");
        run.Error.ShouldEndWith("运行 campaignflow --help 查看命令及其选项。" + Environment.NewLine);
    }

    [Fact]
    public void No_command_is_said_in_the_environments_language()
    {
        var run = CliRun.WithLang("zh_CN.UTF-8");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldNotContain("Required command");
        run.Error.ShouldContain("validate");
    }

    [Fact]
    public void An_option_without_its_value_is_said_in_chinese()
    {
        var run = CliRun.WithLang("zh_CN.UTF-8", "validate", "definitions/", "--lang");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldNotContain("Required argument");
        run.Error.ShouldContain("--lang");
    }

    [Fact]
    public void A_required_option_left_out_is_said_in_chinese()
    {
        var run = CliRun.WithLang("C.UTF-8", [.. Panyu[..2], "--lang", "zh-CN"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldNotContain("is required");
        run.Error.ShouldContain("--activities");
    }

    [Fact]
    public void An_option_given_twice_is_said_in_chinese()
    {
        var run = CliRun.WithLang("C.UTF-8", "validate", "definitions/", "--lang", "zh-CN", "--lang", "zh");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldNotContain("expects a single argument");
        run.Error.ShouldContain("--lang");
    }

    [Theory]
    [InlineData("--strict")]
    [InlineData("-q")]
    public void An_unknown_option_is_a_usage_error_not_a_missing_plan_file(string option)
    {
        // It was taken for a path: "'--strict' is neither a plan file nor a folder", exit code 1 as if a plan had errors.
        var run = CliRun.Of("validate", "definitions/", option, "--lang", "en");

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldContain($"'{option}'");
    }

    [Fact]
    public void A_missing_argument_is_said_in_chinese()
    {
        var run = CliRun.WithLang("C.UTF-8", "show", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldNotContain("Required argument");
        run.Error.ShouldContain("<plan>");
    }

    [Fact]
    public void A_value_not_among_an_options_values_is_said_in_chinese_with_them()
    {
        var run = CliRun.WithLang("C.UTF-8", [.. Panyu, "--format", "xml", "--lang", "zh-CN"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldNotContain("not recognized");
        run.Error.ShouldContain("“xml”");
        run.Error.ShouldContain("table");
    }

    // An author who does not know a command's arguments asks it for them: the help, not that the arguments are missing.
    [Theory]
    [InlineData("simulate", "--activities")]
    [InlineData("diff", "<before>")]
    [InlineData("show", "<plan>")]
    [InlineData("new", "--kind")]
    [InlineData("publish", "--server")]
    public void Help_on_a_command_with_required_arguments_is_its_usage(string command, string named)
    {
        foreach (var help in new[] { "--help", "-h", "-?" })
        {
            var run = CliRun.WithLang("C.UTF-8", command, help);

            run.ExitCode.ShouldBe(0);
            run.Error.ShouldBeEmpty();
            run.Output.ShouldContain(named);
        }
    }
}
