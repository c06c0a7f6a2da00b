using System.Text.Json;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow diff</c> on 绵阳市总工会's plan says what changed in its order without dates (issue 18): what a
/// phase follows (<c>after:</c>) and whether its links follow one another (<c>inOrder:</c>) once, as the phase's
/// change, not once per action it holds; an action's <c>after:</c> and <c>eachAfter:</c> as the requirement's.
/// </summary>
public sealed class OrderDiffTests
{
    private const string Plan = "mianyang-ftu-2014.yaml";

    [Fact]
    public void A_phase_placed_after_something_else_is_one_change_in_Chinese()
    {
        var (before, after) = Versions();

        var run = CliRun.Of("diff", before, after, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldContain("~ 阶段“查摆问题、开展批评”：在“学习教育、听取意见”之后 → 在“2月28日前召开动员大会，邀请市委督导组到会指导”之后，按记录的先后判断");
        lines.ShouldContain("~ 阶段“具体实施”：其环节改为按所列顺序依次进行");
        lines.ShouldContain(l => l.StartsWith("~ 动员大会结束后，在参会人员中开展民主评议：", StringComparison.Ordinal) && l.EndsWith("在“集中专题学习”之后进行", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("- 班子成员的调研报告", StringComparison.Ordinal) && l.Contains("每次调研报告之前须有一次专属于它的“深入基层调研”", StringComparison.Ordinal));

        // The phase's actions are ordered after it: their requirements changed with it and are not said again.
        lines.ShouldNotContain(l => l.Contains("开始之后进行，按记录的先后判断 →", StringComparison.Ordinal));
        lines[0].ShouldEndWith("：4 处变化");
    }

    [Fact]
    public void Json_gives_what_a_phase_follows_before_and_after_as_ids()
    {
        var (before, after) = Versions();

        var run = CliRun.Of("diff", before, after, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var changes = document.RootElement.GetProperty("changes").EnumerateArray().ToArray();
        var criticism = changes.Single(c => c.GetProperty("subject").GetString() == "phase" && c.GetProperty("id").GetString() == "criticism");
        (criticism.GetProperty("before").GetString(), criticism.GetProperty("after").GetString()).ShouldBe(("study", "mobilization"));
        criticism.GetProperty("messageEn").GetString().ShouldBe("phase '查摆问题、开展批评': after [study] → after [mobilization], by the order of the records");
        var implementation = changes.Single(c => c.GetProperty("id").GetString() == "implementation");
        implementation.GetProperty("after").GetString().ShouldBe("inOrder");
        changes.ShouldContain(c => c.GetProperty("change").GetString() == "removed" && c.GetProperty("id").GetString() == "research-report:order-each");
    }

    private static (string Before, string After) Versions()
    {
        var text = File.ReadAllText(Repository.Path("definitions", Plan));
        var lines = text.Split('\n').ToList();
        var evaluation = lines.FindIndex(l => l.Contains("- id: democratic-evaluation", StringComparison.Ordinal));
        var evaluationAfter = lines.FindIndex(evaluation, l => l.Contains("after: [mobilization]", StringComparison.Ordinal));
        lines[evaluationAfter] = lines[evaluationAfter].Replace("[mobilization]", "[concentrated-study]", StringComparison.Ordinal);
        var each = lines.FindIndex(l => l.TrimStart().StartsWith("eachAfter: [research-trip]", StringComparison.Ordinal));
        lines.RemoveAt(each);
        var criticism = lines.FindIndex(l => l.TrimStart().StartsWith("after: [study]", StringComparison.Ordinal));
        lines[criticism] = lines[criticism][..lines[criticism].IndexOf("after:", StringComparison.Ordinal)] + "after: [mobilization]";
        var implementation = lines.FindIndex(l => l == "  - id: implementation");
        lines.Insert(implementation + 1, lines[implementation].Replace("- id: implementation", "  inOrder: true", StringComparison.Ordinal));
        return (Copy("order-a", text), Copy("order-b", string.Join('\n', lines)));
    }

    private static string Copy(string name, string plan)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-diff-" + name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "calendar"));
        File.Copy(Repository.Path("definitions", "mianyang-ftu.roster.yaml"), Path.Combine(folder, "mianyang-ftu.roster.yaml"));
        File.Copy(Repository.Path("definitions", "calendar", "china.holidays.yaml"), Path.Combine(folder, "calendar", "china.holidays.yaml"));
        var path = Path.Combine(folder, Plan);
        File.WriteAllText(path, plan);
        return path;
    }
}
