using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>validate FILE</c> and <c>diff A B</c> of a plan kept outside <c>definitions/</c> (a draft of 魏都区教育体育局's
/// plan, which inherits 魏都区区直单位's template) find the plans it inherits with <c>--definitions</c>; without it
/// the parent is looked for beside the file only, as before.
/// </summary>
public sealed class DefinitionsOptionTests : IDisposable
{
    private const string Plan = "weidu-education-bureau-2014.yaml";
    private const string Roster = "weidu-education-bureau.roster.yaml";

    private readonly string _draft = Path.Combine(Path.GetTempPath(), "cf-draft-" + Guid.NewGuid().ToString("N"));

    public DefinitionsOptionTests()
    {
        Directory.CreateDirectory(_draft);
        File.Copy(Repository.Path("definitions", Plan), Path.Combine(_draft, Plan));
        File.Copy(Repository.Path("definitions", Roster), Path.Combine(_draft, Roster));
    }

    public void Dispose() => Directory.Delete(_draft, recursive: true);

    private string Draft => Path.Combine(_draft, Plan);

    [Fact]
    public void A_plan_outside_definitions_finds_its_parent_with_definitions()
    {
        var without = CliRun.Of("validate", Draft, "--lang", "zh-CN");
        without.ExitCode.ShouldBe(1, without.Output);
        without.Output.ShouldContain("error unknown-plan: 找不到要继承的方案“weidu-organs-2014”");

        var run = CliRun.Of("validate", Draft, "--definitions", "definitions", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldBe("检查了 1 个方案文件：1 个有效，0 个错误，0 个警告" + Environment.NewLine);
    }

    [Fact]
    public void A_link_at_the_wrong_level_in_a_draft_is_sent_to_the_parents_line_in_definitions()
    {
        var lines = File.ReadAllLines(Draft).ToList();
        var at = lines.IndexOf("  - id: basic-links");
        lines.RemoveRange(at, 3);
        for (var i = at; i < lines.Count; i++)
        {
            lines[i] = lines[i].StartsWith("    ", StringComparison.Ordinal) ? lines[i][4..] : lines[i];
        }

        File.WriteAllLines(Draft, lines);
        var organs = File.ReadAllLines(Repository.Path("definitions", "weidu-organs-2014.yaml"));
        var study = Array.FindIndex(organs, l => l.StartsWith("      - id: study", StringComparison.Ordinal));
        var parentAt = $"definitions/weidu-organs-2014.yaml:{study + 1}:{organs[study].IndexOf("study", StringComparison.Ordinal) + 1}";

        var run = CliRun.Of("validate", Draft, "--definitions", "definitions", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(1, run.Output);
        var findings = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).SkipLast(1).ToArray();
        findings.ShouldBe([
            $"{Draft}:{at + 1}:9: error inherited-link-level: “study”是继承的环节：方案“weidu-organs-2014”把它写在“basic-links”之内（{parentAt}）；"
            + "须在同一层级重复它，写在“basic-links”的“phases”之下——写在这里就成了另一个编号为“study”的环节",
        ]);
    }

    [Fact]
    public void Two_drafts_outside_definitions_are_compared_with_definitions()
    {
        var after = Path.Combine(_draft, "after", Plan);
        Directory.CreateDirectory(Path.GetDirectoryName(after)!);
        File.Copy(Path.Combine(_draft, Roster), Path.Combine(_draft, "after", Roster));
        File.WriteAllText(after, File.ReadAllText(Draft).Replace("atLeast: 2次", "atLeast: 3次", StringComparison.Ordinal));

        var without = CliRun.Of("diff", Draft, after, "--lang", "zh-CN");
        without.ExitCode.ShouldBe(1);
        without.Error.ShouldContain("找不到要继承的方案“weidu-organs-2014”");

        var run = CliRun.Of("diff", Draft, after, "--definitions", "definitions", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("weidu-education-bureau-2014 第 1 版 → weidu-education-bureau-2014 第 1 版：1 处变化");
        lines.ShouldContain(l => l.StartsWith("~ 召开中小学校长座谈会", StringComparison.Ordinal) && l.Contains("2 次", StringComparison.Ordinal) && l.Contains("3 次", StringComparison.Ordinal));
    }

    [Fact]
    public void A_definitions_folder_that_does_not_exist_is_said_so()
    {
        var missing = Path.Combine(_draft, "no-such-folder");

        var run = CliRun.Of("validate", Draft, "--definitions", missing, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(1, run.Output);
        run.Output.ShouldContain($"{missing}:1:1: error path-missing: “{missing}”既不是方案文件也不是文件夹");
    }
}
