using System.Globalization;
using CampaignFlow.Compliance.Logs;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// Attendance by role in depth (issue 18, item 1), on 安徽's democratic life meeting of 10月17日 (AH-06: 5名班子成员;
/// 省委第一督导组组长汪国才等亲临会议指导): an exact number of a role beside a least one, and people from outside the unit
/// counted by role with their names recorded.
/// </summary>
public sealed class AttendanceCompositionTests
{
    private const string Anhui = "anhui-organs-2013";
    private const string SeedMeeting = "democratic-life-meeting:attendance";
    private const string Meeting = "meeting:attendance";
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly string[] Leaders = ["zhang-guofu", "liu-jianping", "zhou-hong", "xu-ming", "cheng-li"];

    private static string Plan(string attendance = "{ leadership: { exactly: 5人 }, supervisor: 1人 }") => $$"""
        plan: composition-2013
        title: 中共安徽省直机关工委党的群众路线教育实践活动实施方案
        unit: { id: anhui-organs, name: 中共安徽省直机关工委 }
        campaign: { year: 2013, window: 10月 }
        activities:
          democratic-life-meeting: 专题民主生活会
        roles:
          provincial-leader: { title: 省委领导同志, external: true }
        roster:
          people:
            - { id: zhang-guofu, name: 张国富, roles: [principal, leadership, party-member] }
            - { id: liu-jianping, name: 刘建平, roles: [leadership, party-member] }
            - { id: zhou-hong, name: 周红, roles: [leadership, party-member] }
            - { id: xu-ming, name: 徐明, roles: [leadership, party-member] }
            - { id: cheng-li, name: 程立, roles: [leadership, party-member] }
            - { id: wang-dept, name: 王处长, roles: [leadership, party-member] }
        phases:
          - id: criticism
            title: 查摆问题、开展批评
            window: 10月
            actions:
              - { id: meeting, activity: democratic-life-meeting, exactly: 1次, attendance: {{attendance}} }
        """;

    private static PlanCatalog Catalog(string text, params (string Name, string Text)[] more)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-attendance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "composition.yaml"), text);
        foreach (var (name, content) in more)
        {
            File.WriteAllText(Path.Combine(folder, name), content);
        }

        return PlanCatalog.Load([folder]);
    }

    private static readonly Lazy<ResolvedPlan> Resolved = new(() =>
    {
        var catalog = Catalog(Plan());
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        return catalog.Plans["composition-2013"];
    });

    private static UnitRecord[] Log(ResolvedPlan plan, string records)
    {
        var log = ActivityLogReader.ReadRecords(records, "records.yaml", plan);
        log.Diagnostics.ShouldBeEmpty(string.Join("\n", log.Diagnostics));
        return [.. log.Records];
    }

    private static string Dlm(string participants, string guests) =>
        $"- {{ key: dlm, activity: democratic-life-meeting, at: 2013-10-17 08:30, until: 2013-10-17 12:00, participants: [{participants}], {guests} }}";

    [Fact]
    public void AH_06_the_supervisor_named_is_counted_by_role_without_a_number_and_kept_with_the_record()
    {
        Verdicts.Met(Anhui, SeedMeeting);

        // The seed log counts two of the group; written with the name the report gives, 汪国才 alone is one.
        var named = (ActivityRecord)Log(Seeds.Plan(Anhui), Dlm(string.Join(", ", Leaders), "externalNames: { supervisor: [汪国才] }")).Single();
        (named.Externals["supervisor"], named.ExternalNames["supervisor"].Single()).ShouldBe((1, "汪国才"));
        Verdicts.Met(Anhui, SeedMeeting, without: r => r.Key == "dlm", with: [named]);

        var none = named with { Externals = new Dictionary<string, int>(), ExternalNames = new Dictionary<string, IReadOnlyList<string>>() };
        var missed = Verdicts.Single(Anhui, SeedMeeting, without: r => r.Key == "dlm", with: [none]);
        missed.Evidence.Missing.ShouldBe(["dlm: supervisor 0/1"]);
    }

    [Fact]
    public void The_whole_leadership_and_a_named_provincial_supervisor_meet_an_exact_five_and_one()
    {
        var records = Log(Resolved.Value, Dlm(string.Join(", ", Leaders), "externalNames: { supervisor: [汪国才] }"));

        Simulator.Run(Resolved.Value, records).Violations.ShouldBeEmpty();
    }

    [Fact]
    public void One_leader_too_few_or_too_many_for_an_exact_number_is_named_with_who_came()
    {
        var fewer = Simulator.Run(Resolved.Value, Log(Resolved.Value, Dlm(string.Join(", ", Leaders.Skip(1)), "externalNames: { supervisor: [汪国才] }")))
            .Violations.Single(v => v.RequirementId == Meeting);
        fewer.Code.ShouldBe("attendance-not-exact");
        fewer.Evidence.Missing.ShouldBe(["dlm: leadership 4 ≠ 5（刘建平、周红、徐明、程立）"]);
        fewer.Message(Chinese).ShouldBe("专题民主生活会出席人员与方案规定不符（实到/应到，“≠”为须恰好到此人数）：2013年10月17日：领导班子成员 4 ≠ 5（刘建平、周红、徐明、程立）");

        var more = Simulator.Run(Resolved.Value, Log(Resolved.Value, Dlm(string.Join(", ", [.. Leaders, "wang-dept"]), "externalNames: { supervisor: [汪国才] }")))
            .Violations.Single(v => v.RequirementId == Meeting);
        more.Evidence.Missing.ShouldBe(["dlm: leadership 6 ≠ 5（张国富、刘建平、周红、徐明、程立、王处长）"]);
    }

    [Fact]
    public void A_least_number_short_beside_an_exact_one_met_is_still_short()
    {
        var violation = Simulator.Run(Resolved.Value, Log(Resolved.Value, Dlm(string.Join(", ", Leaders), "externals: {}")))
            .Violations.Single(v => v.RequirementId == Meeting);

        (violation.Code, violation.Evidence.Missing.Single()).ShouldBe(("attendance-short", "dlm: supervisor 0/1"));
    }

    [Fact]
    public void A_count_of_guests_may_say_more_came_than_it_names_never_fewer()
    {
        var records = Log(Resolved.Value, Dlm(string.Join(", ", Leaders), "externals: { provincial-leader: 2 }, externalNames: { provincial-leader: [唐承沛] }"));
        ((ActivityRecord)records.Single()).Externals["provincial-leader"].ShouldBe(2);

        var text = Dlm(string.Join(", ", Leaders), "externals: { supervisor: 1 }, externalNames: { supervisor: [汪国才, 李明] }");
        var finding = ActivityLogReader.ReadRecords(text, "records.yaml", Resolved.Value).Diagnostics.ShouldHaveSingleItem();
        (finding.Code, finding.Location.Line, finding.Location.Column).ShouldBe(("externals-fewer-than-names", 1, text.IndexOf("supervisor: 1", StringComparison.Ordinal) + 1));
        finding.Message(Chinese).ShouldBe("外来“supervisor”记为 1 人，却列了 2 个姓名：人数可多于姓名，不能少于");
    }

    [Theory]
    [InlineData("{ leadership: { exactly: 5人, atLeast: 1人 } }", "attendance-both", "5人, atLeast")]
    [InlineData("{ leadership: { exactly: 1天 } }", "amount-must-be-count", "1天")]
    [InlineData("{ leadership: {} }", "attendance-needs-count", "leadership")]
    public void An_attendance_that_says_no_one_number_is_an_error_where_it_is_written(string attendance, string code, string at)
    {
        var text = Plan(attendance);
        var finding = Catalog(text).Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);

        finding.Code.ShouldBe(code);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("id: meeting", StringComparison.Ordinal));
        (finding.Location.Line, finding.Location.Column).ShouldBe((line + 1, text.Split('\n')[line].IndexOf(at, StringComparison.Ordinal) + 1));
    }

    [Theory]
    [InlineData("{ supervisor: 1人 }", "{ supervisor: { exactly: 2人 } }", false)] // fixing the number above the body's least
    [InlineData("{ supervisor: 2人 }", "{ supervisor: { exactly: 1人 } }", true)]
    [InlineData("{ leadership: { exactly: 5人 } }", "{ leadership: 6人 }", true)] // a body's exact number stays
    [InlineData("{ leadership: { exactly: 5人 } }", "{ leadership: { exactly: 5人 } }", false)]
    public void A_unit_may_ask_more_than_its_bodys_least_and_keeps_its_exact_number(string parent, string child, bool weakens)
    {
        var childPlan = $$"""
            plan: composition-child-2013
            title: 下级支部实施方案
            unit: { id: organ-branch, name: 工委机关支部, parent: anhui-organs }
            inherits: composition-2013
            campaign: { year: 2013, window: 10月 }
            roster:
              people:
                - { id: x, name: 张三, roles: [principal, leadership, party-member] }
            phases:
              - id: criticism
                title: 查摆问题、开展批评
                actions:
                  - { id: meeting, attendance: {{child}} }
            """;

        var errors = Catalog(Plan(parent), ("composition-child.yaml", childPlan)).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();

        if (weakens)
        {
            var finding = errors.ShouldHaveSingleItem();
            (finding.Code, finding.Location.Line).ShouldBe(("weakens-mandated", 13));
        }
        else
        {
            errors.ShouldBeEmpty(string.Join("\n", errors));
        }
    }
}
