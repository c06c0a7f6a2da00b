namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>--lang</c> takes the languages the catalogues hold (Simplified Chinese, English) and the names that mean them;
/// anything else is a usage error said in the language the reader runs in, never English given silently instead.
/// </summary>
public class LanguageTests
{
    private static readonly string[] Panyu = ["simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml"];

    [Theory]
    [InlineData("fr")]
    [InlineData("zh-TW")]
    [InlineData("zh-Hant")]
    [InlineData("de-DE")]
    [InlineData("english")]
    [InlineData("")]
    public void An_unknown_language_is_refused_with_exit_code_two(string lang)
    {
        var run = CliRun.WithLang("C.UTF-8", [.. Panyu, "--lang", lang]);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldContain($"--lang: there is no language '{lang}'; choose zh-CN (or zh, zh-Hans) or en (or en-US…).");
    }

    [Fact]
    public void The_refusal_is_in_the_language_the_reader_runs_in()
    {
        var run = CliRun.WithLang("zh_CN.UTF-8", [.. Panyu, "--lang", "fr"]);

        run.ExitCode.ShouldBe(2);
        var lines = run.Error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].ShouldBe("--lang：不支持语言“fr”，可选 zh-CN（或 zh、zh-Hans）与 en（或 en-US 等）。");
        lines[^1].ShouldBe("运行 campaignflow --help 查看命令及其选项。");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("show")]
    [InlineData("report")]
    public void Every_command_refuses_it(string command)
    {
        string[] args = command switch
        {
            "validate" => ["validate", "definitions/", "--lang", "klingon"],
            "show" => ["show", "panyu-ftu-2014", "--lang", "klingon"],
            _ => ["report", "panyu-district", "--at", "2014-06-30", "--lang", "klingon"],
        };

        var run = CliRun.WithLang("C.UTF-8", args);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("there is no language 'klingon'");
    }

    [Theory]
    [InlineData("zh-CN", "截至2014年9月30日")]
    [InlineData("zh", "截至2014年9月30日")]
    [InlineData("zh-Hans", "截至2014年9月30日")]
    [InlineData("ZH_cn", "截至2014年9月30日")]
    [InlineData("en", "at the end of 2014-09-30")]
    [InlineData("en-US", "at the end of 2014-09-30")]
    [InlineData("en-GB", "at the end of 2014-09-30")]
    public void The_known_languages_and_their_aliases_are_taken(string lang, string said)
    {
        var run = CliRun.WithLang("C.UTF-8", [.. Panyu, "--lang", lang]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.TrimEnd().Split('\n')[^1].ShouldContain(said);
    }

    [Theory]
    [InlineData("zh_CN.UTF-8", "截至2014年9月30日")]
    [InlineData("C.UTF-8", "at the end of 2014-09-30")]
    [InlineData("fr_FR.UTF-8", "at the end of 2014-09-30")]
    public void Without_lang_the_environment_chooses_and_anything_not_Chinese_reads_English(string env, string said)
    {
        var run = CliRun.WithLang(env, Panyu);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.TrimEnd().Split('\n')[^1].ShouldContain(said);
    }
}
