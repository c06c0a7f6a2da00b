using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// Participation is judged at each occurrence (AH-10 在职党员干部的参学率达到100%): a member at one of a branch's
/// study sessions does not stand for the same member missing another; with <c>attendanceRate</c> (参学率) a share of
/// those selected is enough at each session.
/// </summary>
public sealed class ParticipationPerOccurrenceTests
{
    private const string Anhui = "anhui-organs-2013";
    private const string BranchStudy = "branch-study-time:participation";

    [Fact]
    public void AH_10_a_member_missing_one_of_the_branchs_sessions_is_a_violation_naming_that_session()
    {
        Verdicts.Met(Anhui, BranchStudy);

        // 程立 studies with organ-1 at four of its five sessions, not in August: before, the other sessions hid it.
        var august = Verdicts.Record<ActivityRecord>(Anhui, "branch-study-organ-1-2");
        var missed = Verdicts.Single(Anhui, BranchStudy, without: r => r.Key == august.Key,
            with: [august with { Participants = august.Participants.Where(p => p != "cheng-li").ToArray() }]);

        (missed.Target, missed.Code).ShouldBe(("organ-1", "participation-short-at"));
        missed.Evidence.Missing.ShouldBe(["branch-study-organ-1-2（2013-08-19）：程立"]);
        missed.Evidence.Actual.ShouldBe("5/6");
        missed.Evidence.Required.ShouldBe("100%");
        missed.Evidence.Counted.ShouldNotContain(august.Key);
        missed.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("工委机关第一党支部：党支部集中学习：5 次中有 1 次出席未达要求（须 100%）：branch-study-organ-1-2（2013年8月19日）：程立");
    }

    [Fact]
    public void With_a_rate_a_session_is_short_only_below_it_and_each_short_session_is_named()
    {
        var plan = RatePlan("attendanceRate: 80%");
        Day[] sessions = [new(3, 7, ["a", "b", "c", "d"]), new(3, 14, ["a", "b", "c"]), new(3, 21, ["a", "b", "c", "d", "e"])];

        // 4 of 5 reach 80%; 3 of 5 do not.
        var result = Run(plan, sessions);
        var shortOf = result.Violations.ShouldHaveSingleItem();
        shortOf.Code.ShouldBe("participation-short-at");
        shortOf.Evidence.Missing.ShouldBe(["study-3-14（2014-03-14）：丁四、戊五"]);
        shortOf.Evidence.Required.ShouldBe("80%");
        shortOf.Evidence.Counted.ShouldBe(["study-3-7", "study-3-21"]);

        // The same sessions with everyone at 14 March meet it.
        Run(plan, [sessions[0], new(3, 14, ["a", "b", "c", "d"]), sessions[2]]).Violations.ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_rate_one_absentee_at_any_session_is_a_violation_even_when_present_at_the_others()
    {
        var plan = RatePlan("");
        var result = Run(plan, [new(3, 7, ["a", "b", "c", "d", "e"]), new(3, 14, ["a", "b", "c", "d"]), new(3, 21, ["a", "b", "c", "d", "e"])]);

        result.Violations.ShouldHaveSingleItem().Evidence.Missing.ShouldBe(["study-3-14（2014-03-14）：戊五"]);
    }

    [Fact]
    public void When_the_action_asks_for_one_session_a_make_up_session_short_of_people_does_not_count_against_it()
    {
        // MY-10's shape: 1 tutorial for all party members; a second, make-up tutorial with two of them is no violation.
        var plan = RatePlan("", "atLeast: 1次");

        Run(plan, [new(3, 7, ["a", "b", "c", "d", "e"]), new(3, 14, ["a", "b"])]).Violations.ShouldBeEmpty();

        // With no session attended by all, the best one is short, and it is named.
        var result = Run(plan, [new(3, 7, ["a", "b", "c", "d"]), new(3, 14, ["a", "b"])]);
        result.Violations.ShouldHaveSingleItem().Code.ShouldBe("participation-short-at");
    }

    [Theory]
    [InlineData("attendanceRate: 120%", "threshold-out-of-range")]
    [InlineData("attendanceRate: 0%", "threshold-out-of-range")]
    public void A_rate_outside_0_to_100_percent_is_an_error_at_the_key(string rate, string code)
    {
        var finding = Load(RatePlan(rate)).Diagnostics.ShouldHaveSingleItem();

        (finding.Code, finding.Severity).ShouldBe((code, DiagnosticSeverity.Error));
        finding.Location.Line.ShouldBe(RatePlan(rate).Split('\n').ToList().FindIndex(l => l.Contains("attendanceRate", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void A_rate_without_attended_by_is_an_error()
    {
        var text = RatePlan("attendanceRate: 90%").Replace("attendedBy: party-member, ", "", StringComparison.Ordinal);

        Load(text).Diagnostics.ShouldContain(d => d.Code == "attendance-rate-without-attended-by" && d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("90%", true)]
    [InlineData("100%", false)]
    public void A_unit_may_raise_its_bodys_rate_never_lower_it(string childRate, bool weakens)
    {
        var parent = RatePlan("attendanceRate: 95%");
        var child = $$"""
            plan: rate-child-2014
            title: 下级支部实施方案
            unit: { id: branch-b, name: 下级支部, parent: branch-a }
            inherits: rate-2014
            campaign: { year: 2014, window: 3月 }
            roster:
              people:
                - { id: x, name: 张三, roles: [principal, party-member] }
            phases:
              - id: study
                title: 学习教育
                actions:
                  - { id: study, attendanceRate: {{childRate}} }
            """;
        var folder = Path.Combine(Path.GetTempPath(), "cf-participation-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "rate.yaml"), parent);
        File.WriteAllText(Path.Combine(folder, "rate-child.yaml"), child);

        var findings = PlanCatalog.Load([folder]).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();

        if (weakens)
        {
            var finding = findings.ShouldHaveSingleItem();
            finding.Code.ShouldBe("weakens-mandated");
            (finding.Location.File.EndsWith("rate-child.yaml", StringComparison.Ordinal), finding.Location.Line).ShouldBe((true, 13));
        }
        else
        {
            findings.ShouldBeEmpty(string.Join("\n", findings));
        }
    }

    private sealed record Day(int Month, int DayOfMonth, string[] Present);

    // 12 hours of study in March: every session counts toward it, so every session must be attended.
    private static string RatePlan(string rate, string amount = "atLeast: 12小时") => $$"""
        plan: rate-2014
        title: 某支部实施方案
        unit: { id: branch-a, name: 某支部 }
        campaign: { year: 2014, window: 3月 }
        activities:
          concentrated-study: 集中学习
        roster:
          people:
            - { id: a, name: 甲一, roles: [principal, party-member] }
            - { id: b, name: 乙二, roles: [party-member] }
            - { id: c, name: 丙三, roles: [party-member] }
            - { id: d, name: 丁四, roles: [party-member] }
            - { id: e, name: 戊五, roles: [party-member] }
        phases:
          - id: study
            title: 学习教育
            window: 3月
            actions:
              - { id: study, activity: concentrated-study, attendedBy: party-member, {{(rate.Length == 0 ? "" : rate + ", ")}}{{amount}} }
        """;

    private static PlanCatalog Load(string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-participation-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "rate.yaml"), text);
        return PlanCatalog.Load([folder]);
    }

    private static SimulationResult Run(string text, IEnumerable<Day> sessions)
    {
        var catalog = Load(text);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var plan = catalog.Plans["rate-2014"];
        var records = sessions.Select(s => (UnitRecord)new ActivityRecord($"study-{s.Month}-{s.DayOfMonth}", "branch-a", new DateOnly(2014, s.Month, s.DayOfMonth), "concentrated-study")
        {
            Hours = 4,
            Participants = s.Present,
        });
        return Simulator.Run(plan, records);
    }
}
