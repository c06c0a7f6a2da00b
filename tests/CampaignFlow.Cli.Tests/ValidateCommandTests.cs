using System.Text.RegularExpressions;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

public partial class ValidateCommandTests
{
    [Fact]
    public void Every_seed_plan_in_definitions_is_valid()
    {
        var run = CliRun.Of("validate", "definitions/", "--lang", "en");
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain(" 0 error(s)");
        run.Output.ShouldNotContain(": error ");
    }

    [Fact]
    public void A_folder_without_plans_fails_rather_than_passing_with_nothing_checked()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"cf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(empty);

        var run = CliRun.Of("validate", empty, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(1, run.Output);
        run.Output.ShouldContain("检查了 0 个方案文件");
        run.Output.ShouldContain($"在 {empty} 中没有找到方案文件");
        GuideNamedIn(run.Output).ShouldBe("docs/plan-format.zh-CN.md");
    }

    [Fact]
    public void The_help_of_validate_names_the_guide_for_plan_authors_in_the_readers_language()
    {
        GuideNamedIn(CliRun.Of("validate", "--help", "--lang", "zh-CN").Output).ShouldBe("docs/plan-format.zh-CN.md");
        GuideNamedIn(CliRun.Of("validate", "--help", "--lang", "en").Output).ShouldBe("docs/plan-format.md");
    }

    // The guide a message points a plan's author to, which must be there to be read.
    private static string GuideNamedIn(string output)
    {
        var guide = PlanFormatGuide().Match(output);
        guide.Success.ShouldBeTrue(output);
        File.Exists(Repository.Path([.. guide.Value.Split('/')])).ShouldBeTrue(guide.Value);
        return guide.Value;
    }

    [Fact]
    public void One_file_of_a_plan_that_inherits_is_one_file_and_one_valid_plan()
    {
        // 西关街道's plan reads 魏都区委's to inherit from it; only the file asked for is counted (was: 1 file, 2 valid).
        var run = CliRun.Of("validate", "definitions/weidu-xiguan-street-2014.yaml", "--lang", "zh-CN");
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldEndWith("检查了 1 个方案文件：1 个有效，0 个错误，0 个警告" + Environment.NewLine);
    }

    [Fact]
    public void An_unknown_top_level_key_at_line_two_is_reported_at_line_two_column_one()
    {
        var plan = Repository.Path("definitions", "panyu-ftu-2014.yaml");
        var lines = File.ReadAllLines(plan).ToList();
        var firstPlanLine = lines.FindIndex(l => l.StartsWith("plan:", StringComparison.Ordinal));
        var broken = lines.Skip(firstPlanLine).ToList();
        broken.Insert(1, "colour: red");
        var file = Path.Combine(Path.GetTempPath(), $"cf-{Guid.NewGuid():N}", "panyu-ftu-2014.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllLines(file, broken);
        File.Copy(Repository.Path("definitions", "panyu-ftu.roster.yaml"), Path.Combine(Path.GetDirectoryName(file)!, "panyu-ftu.roster.yaml"));
        Repository.CopyHolidays(Path.GetDirectoryName(file)!);

        var run = CliRun.Of("validate", file, "--lang", "en");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain($"{file}:2:1: error unknown-key-list: unknown key 'colour' in plan");
    }

    [Fact]
    public void Findings_are_printed_in_chinese_on_request()
    {
        var run = CliRun.Of("validate", Repository.Path("tests", "CampaignFlow.Plans.Tests", "Broken", "02-misspelt-atleast.yaml"), "--lang", "zh-CN");
        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("工作事项中有未知的键“atleast”——是否应为“atLeast”？");
        run.Output.ShouldContain("1 个错误");
    }

    [Fact]
    public void A_path_that_does_not_exist_is_an_error_not_a_crash()
    {
        var run = CliRun.Of("validate", "no/such/folder", "--lang", "en");
        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("'no/such/folder' is neither a plan file nor a folder");
    }

    [Fact]
    public void The_whole_broken_corpus_fails_with_every_file_reported_and_no_stack_trace()
    {
        var run = CliRun.Of("validate", "tests/CampaignFlow.Plans.Tests/Broken", "--lang", "en");
        run.ExitCode.ShouldBe(1);
        run.Output.ShouldNotContain("   at ");
        run.Output.ShouldNotContain("internal-error");
        foreach (var file in Directory.EnumerateFiles(Repository.Path("tests", "CampaignFlow.Plans.Tests", "Broken"), "*.yaml").Where(f => !Path.GetFileName(f).StartsWith('_')))
        {
            run.Output.ShouldContain(Path.GetFileName(file));
        }
    }

    [Fact]
    public void A_malformed_command_line_exits_with_two()
    {
        var run = CliRun.Of("frobnicate", "definitions/");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("frobnicate");
        run.Error.ShouldContain("campaignflow --help");
    }

    [GeneratedRegex(@"docs/plan-format(?:\.zh-CN)?\.md")]
    private static partial Regex PlanFormatGuide();
}
