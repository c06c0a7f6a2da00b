using System.Text.Json;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow diff</c> says what changed between two versions of 番禺区总工会's plan in requirement terms: a
/// minimum raised, an action added to a phase, a phase's window moved, a person added to the roster (and what that
/// person adds to the requirements); nothing for a file that only looks different.
/// </summary>
public sealed class DiffCommandTests
{
    private const string Plan = "panyu-ftu-2014.yaml";
    private const string Roster = "panyu-ftu.roster.yaml";

    [Fact]
    public void Each_kind_of_change_is_said_in_Chinese_in_the_authors_terms()
    {
        var (before, after) = Versions();

        var run = CliRun.Of("diff", before, after, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("panyu-ftu-2014 第 1 版 → panyu-ftu-2014 第 2 版：8 处变化");
        lines.ShouldContain("~ 版本 1 → 2");
        lines.ShouldContain(l => l.StartsWith("~ 每周集中学习：", StringComparison.Ordinal) && l.Contains("半天", StringComparison.Ordinal) && l.Contains("→", StringComparison.Ordinal) && l.Contains("1天", StringComparison.Ordinal));
        lines.ShouldContain("~ 阶段“整改落实、建章立制”：2014年8月1日至9月30日 → 2014年8月11日至9月30日");
        lines.ShouldContain("+ 在阶段“查摆问题、开展批评”新增动作“回头看”");
        lines.ShouldContain("+ 名册：新增 赵新");

        // A new party member is one more who must attend PY-25's meeting and whom PY-27's secretary comments on.
        lines.ShouldContain("~ 区总机关支部召开一次专题组织生活会，每名党员都要参加：专题组织生活会须全部 11 人参加 → 专题组织生活会须全部 12 人参加");
        lines.ShouldContain(l => l.StartsWith("~ 由支部主要负责同志对每一位党员进行点评：", StringComparison.Ordinal) && l.EndsWith("覆盖 11 对人员（按分管关系）", StringComparison.Ordinal));
        lines.ShouldContain("~ 每名党员准备好书面发言材料：对象新增 赵新");
        lines.ShouldNotContain(l => l.EndsWith(" -", StringComparison.Ordinal), "no placeholder for a side that did not change");
    }

    [Fact]
    public void Json_lists_each_change_with_before_and_after_for_tools()
    {
        var (before, after) = Versions();

        var run = CliRun.Of("diff", before, after, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        document.RootElement.GetProperty("before").GetProperty("version").GetInt32().ShouldBe(1);
        document.RootElement.GetProperty("after").GetProperty("version").GetInt32().ShouldBe(2);
        var changes = document.RootElement.GetProperty("changes").EnumerateArray().ToArray();
        changes.Length.ShouldBe(8);
        var study = changes.Single(c => c.GetProperty("id").GetString() == "weekly-study:period-minimum");
        (study.GetProperty("change").GetString(), study.GetProperty("subject").GetString()).ShouldBe(("changed", "requirement"));
        study.GetProperty("before").GetString()!.ShouldContain("half a day");
        study.GetProperty("after").GetString()!.ShouldContain("1 day");
        study.GetProperty("messageZh").GetString()!.ShouldStartWith("每周集中学习：");
        var phase = changes.Single(c => c.GetProperty("subject").GetString() == "phase");
        (phase.GetProperty("before").GetString(), phase.GetProperty("after").GetString()).ShouldBe(("2014-08-01..2014-09-30", "2014-08-11..2014-09-30"));
        changes.ShouldContain(c => c.GetProperty("subject").GetString() == "person" && c.GetProperty("change").GetString() == "added" && c.GetProperty("id").GetString() == "zhao-xin");
    }

    [Fact]
    public void What_a_requirement_counts_a_persons_roles_and_the_time_zone_are_changes_too()
    {
        var text = File.ReadAllText(Repository.Path("definitions", Plan));
        var before = Copy("where-a", text);
        var changed = text.Replace("        where: { includesCriticism: true }\n        before: [democratic-life-meeting]", "        where: { includesCriticism: false }\n        before: [democratic-life-meeting]", StringComparison.Ordinal);
        changed.ShouldNotBe(text);
        var roster = File.ReadAllText(Repository.Path("definitions", Roster));
        var line = roster.Split('\n').First(l => l.Contains("id: chen-huimin", StringComparison.Ordinal));
        var after = Copy("where-b", changed, roster.Replace(line, line.Replace("leadership, ", "", StringComparison.Ordinal), StringComparison.Ordinal));

        var run = CliRun.Of("diff", before, after, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("计入条件 includesCriticism: true → includesCriticism: false");
        run.Output.ShouldContain("~ 名册：陈惠民：");
    }

    [Fact]
    public void A_half_day_set_apart_and_a_class_hour_defined_are_changes_of_the_calendar()
    {
        var text = File.ReadAllText(Repository.Path("definitions", Plan));
        var before = Copy("calendar-a", text);
        var changed = text.Replace("\ncalendar:\n", "\ncalendar:\n  workdayHours: 8\n  halfDayHours: 3\n  classHour: 45分钟\n", StringComparison.Ordinal);
        changed.ShouldNotBe(text);
        var after = Copy("calendar-b", changed);

        var run = CliRun.Of("diff", before, after, "--lang", "zh-CN");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("半天：4 小时 → 3 小时（“半天”随之改变）");
        run.Output.ShouldContain("新规定每学时 0.75 小时");
    }

    [Fact]
    public void A_file_that_only_looks_different_has_no_changes()
    {
        var before = Copy("same-a", File.ReadAllText(Repository.Path("definitions", Plan)));
        var after = Copy("same-b", File.ReadAllText(Repository.Path("definitions", Plan)).Replace("# 自今年2月开始至9月", "", StringComparison.Ordinal) + "\n# a comment\n");

        var run = CliRun.Of("diff", before, after, "--lang", "en");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"panyu-ftu-2014 v1 → panyu-ftu-2014 v1: 0 change(s){Environment.NewLine}no changes in requirement terms{Environment.NewLine}");
    }

    [Fact]
    public void A_plan_with_errors_is_refused_with_its_findings()
    {
        var before = Copy("broken-a", File.ReadAllText(Repository.Path("definitions", Plan)));
        var after = Copy("broken-b", File.ReadAllText(Repository.Path("definitions", Plan)).Replace("atLeast: 半天", "atLeast: 半", StringComparison.Ordinal));

        var run = CliRun.Of("diff", before, after, "--lang", "en");

        run.ExitCode.ShouldBe(1);
        var line = File.ReadLines(Repository.Path("definitions", Plan)).ToList().FindIndex(l => l.Contains("atLeast: 半天", StringComparison.Ordinal)) + 1;
        run.Error.ShouldContain($"panyu-ftu-2014.yaml:{line}:");
        run.Output.ShouldBeEmpty();
    }

    private static (string Before, string After) Versions()
    {
        var text = File.ReadAllText(Repository.Path("definitions", Plan));
        var changed = text
            .Replace("plan: panyu-ftu-2014\n", "plan: panyu-ftu-2014\nversion: 2\n", StringComparison.Ordinal)
            .Replace("        every: week\n        atLeast: 半天", "        every: week\n        atLeast: 1天", StringComparison.Ordinal)
            .Replace("    window: 8月上旬-9月底", "    window: 8月中旬-9月底", StringComparison.Ordinal)
            .Replace("    actions:\n      - id: meeting-plan", "    actions:\n      - { id: look-back, title: 回头看, activity: concentrated-study }\n      - id: meeting-plan", StringComparison.Ordinal);
        changed.ShouldNotBe(text);
        var roster = File.ReadAllText(Repository.Path("definitions", Roster)) + "  - { id: zhao-xin, name: 赵新, roles: [party-member], branch: organ }\n";
        return (Copy("v1", text), Copy("v2", changed, roster));
    }

    private static string Copy(string name, string plan, string? roster = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-diff-" + name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Roster), roster ?? File.ReadAllText(Repository.Path("definitions", Roster)));
        Repository.CopyHolidays(folder);
        var path = Path.Combine(folder, Plan);
        File.WriteAllText(path, plan);
        return path;
    }
}
