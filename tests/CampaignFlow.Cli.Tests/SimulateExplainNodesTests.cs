using System.Text.Json;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>simulate --explain</c> node by node: under each week of 番禺区总工会's PY-05 the compliance rule's nodes, which held
/// and which did not (the verdict in week 9, nothing in week 10, the due in week 11), in Chinese, English and JSON; and
/// NRules saying it cannot.
/// </summary>
public sealed class SimulateExplainNodesTests
{
    private static readonly string[] Simulate = ["simulate", "panyu-ftu-2014", "--activities", "definitions/activities/panyu-ftu-2014.yaml", "--explain", "weekly-study", "--at", "2014-03-12"];

    /// <summary>The lines printed under a period's line, up to the next period.</summary>
    private static string[] NodesOf(string output, string periodStart)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var start = Array.FindIndex(lines, l => l.StartsWith(periodStart, StringComparison.Ordinal));
        start.ShouldBeGreaterThanOrEqualTo(0, output);
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("2014", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public void Each_week_shows_which_node_held_and_which_did_not_in_Chinese()
    {
        var run = CliRun.Of([.. Simulate, "--lang", "zh-CN"]);

        run.ExitCode.ShouldBe(0, run.Error);
        var met = NodesOf(run.Output, "2014年第9周");
        met[0].ShouldBe("规则逐节点：");
        met.ShouldContain("✓ 收集本时段的相关记录：成立（1/1），收集 1 条记录");
        met.ShouldContain("✗ 裁定为违反：不成立（0/1）");
        met.ShouldContain("· 生成违规：未到达（0/0）");

        var violated = NodesOf(run.Output, "2014年第10周");
        violated.ShouldContain("✓ 裁定为违反：成立（1/1）");
        violated.ShouldContain("✓ 生成违规：成立（1/1）");

        var pending = NodesOf(run.Output, "2014年第11周");
        pending[0].ShouldStartWith("规则逐节点（时段尚未结束");
        pending[1].ShouldStartWith("· 时段已结束（到期事实）：尚未插入");
    }

    [Fact]
    public void The_nodes_are_said_in_English_too()
    {
        var run = CliRun.Of([.. Simulate, "--lang", "en"]);

        run.ExitCode.ShouldBe(0, run.Error);
        NodesOf(run.Output, "2014-W09").ShouldContain("✗ the judge finds a violation: did not hold (0/1)");
        NodesOf(run.Output, "2014-W10").ShouldContain("✓ a violation is yielded: held (1/1)");
    }

    [Fact]
    public void Json_gives_each_periods_nodes_in_camel_case()
    {
        var run = CliRun.Of([.. Simulate, "--format", "json"]);

        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var explanation = document.RootElement.EnumerateArray().ShouldHaveSingleItem();
        explanation.GetProperty("nodeByNode").GetBoolean().ShouldBeTrue();
        explanation.GetProperty("engine").GetString().ShouldBe("campaignflow");
        JsonElement Node(string period, string node) => explanation.GetProperty("periods").EnumerateArray()
            .Single(p => p.GetProperty("period").GetString() == period).GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("node").GetString() == node);

        var verdict = Node("2014-W09", "verdict");
        (verdict.GetProperty("outcome").GetString(), verdict.GetProperty("reached").GetInt32(), verdict.GetProperty("passed").GetInt32()).ShouldBe(("failed", 1, 0));
        verdict.GetProperty("failedCondition").GetString().ShouldNotBeNullOrWhiteSpace();
        Node("2014-W10", "collect").GetProperty("aggregated").GetInt32().ShouldBe(1);
        Node("2014-W10", "violation").GetProperty("outcome").GetString().ShouldBe("held");
        Node("2014-W11", "due").GetProperty("outcome").GetString().ShouldBe("absent");
    }

    [Theory]
    [InlineData("zh-CN", "（规则引擎 nrules 不能逐节点解释；各时段与记录照常说明）")]
    [InlineData("en", "(the nrules rules engine cannot explain node by node; periods and records are explained as usual)")]
    public void NRules_says_it_cannot_explain_node_by_node_and_explains_the_rest(string lang, string message)
    {
        var run = CliRun.Of([.. Simulate, "--rules-engine", "nrules", "--lang", lang]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain(message);
        run.Output.ShouldNotContain(lang == "en" ? "node by node:" : "规则逐节点：");
        run.Output.ShouldContain("study-2014-w10");
    }

    [Fact]
    public void NRules_json_has_no_nodes_and_says_so()
    {
        var run = CliRun.Of([.. Simulate, "--rules-engine", "nrules", "--format", "json"]);

        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var explanation = document.RootElement.EnumerateArray().ShouldHaveSingleItem();
        (explanation.GetProperty("nodeByNode").GetBoolean(), explanation.GetProperty("engine").GetString()).ShouldBe((false, "nrules"));
        explanation.GetProperty("periods").EnumerateArray().ShouldAllBe(p => p.GetProperty("nodes").ValueKind == JsonValueKind.Null);
    }
}
