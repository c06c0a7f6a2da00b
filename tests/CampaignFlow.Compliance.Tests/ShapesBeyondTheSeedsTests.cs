using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// Requirement shapes other units' plans need beyond the seeds' sentences: obligations attached to each occurrence
/// of an activity, and review chains whose depth depends on the author's rank (逐级审核).
/// </summary>
public class ShapesBeyondTheSeedsTests
{
    private const string Plan = """
        plan: shapes-2014
        title: 某单位实施方案
        unit: { id: unit-a, name: 某单位 }
        campaign: { year: 2014, window: 3月-6月 }
        activities:
          concentrated-study: 集中学习
          democratic-life-meeting: 专题民主生活会
        documents:
          reflection: 学习心得
          self-examination:
            title: 对照检查材料
            reviewChain: [principal, supervisor]
            reviewChainByRank: { 县级: [principal, supervisor, city-leading-group] }
        roles:
          city-leading-group: { title: 市委领导小组办公室, external: true }
        roster:
          people:
            - { id: zhang, name: 张一, roles: [principal, leadership, party-member], rank: 县级 }
            - { id: li, name: 李二, roles: [leadership, party-member], rank: 科级 }
        phases:
          - id: study
            title: 学习教育
            window: 3月-4月
            actions:
              - { id: reflections, forEach: concentrated-study, perParticipant: leadership, document: reflection, within: 一周 }
          - id: criticism
            title: 查摆问题
            window: 5月-6月
            actions:
              - { id: self-exam, document: self-examination, per: person, who: leadership, before: [meeting] }
              - { id: meeting, activity: democratic-life-meeting }
        """;

    private static readonly Lazy<ResolvedPlan> Resolved = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-shapes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "shapes.yaml"), Plan);
        var catalog = PlanCatalog.Load([folder]);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        return catalog.Plans["shapes-2014"];
    });

    private static DateOnly Day(int month, int day) => new(2014, month, day);

    private static SimulationResult Run(params UnitRecord[] records) => Simulator.Run(Resolved.Value, records);

    private static UnitRecord[] Examinations(int zhangChainDays) =>
    [
        new DocumentRecord("exam-zhang", "unit-a", Day(5, 5), "self-examination") { Author = "zhang" },
        new DocumentRecord("exam-li", "unit-a", Day(5, 5), "self-examination") { Author = "li" },
        .. new[] { "principal", "supervisor", "city-leading-group" }.Take(zhangChainDays)
            .Select((role, i) => new ReviewRecord($"zhang-{role}", "unit-a", Day(5, 6 + i), "exam-zhang", "self-examination", role, ReviewDecision.Approved)),
        new ReviewRecord("li-principal", "unit-a", Day(5, 6), "exam-li", "self-examination", "principal", ReviewDecision.Approved),
        new ReviewRecord("li-supervisor", "unit-a", Day(5, 7), "exam-li", "self-examination", "supervisor", ReviewDecision.Approved),
        new ActivityRecord("meeting", "unit-a", Day(6, 10), "democratic-life-meeting") { Hours = 8 },
    ];

    [Fact]
    public void Every_leader_present_at_a_study_session_hands_in_a_reflection_within_a_week()
    {
        var study = new ActivityRecord("study-1", "unit-a", Day(3, 7), "concentrated-study") { Hours = 4, Participants = ["zhang", "li"] };
        var zhangOnTime = new DocumentRecord("reflection-zhang", "unit-a", Day(3, 12), "reflection") { Author = "zhang" };
        var liLate = new DocumentRecord("reflection-li", "unit-a", Day(3, 20), "reflection") { Author = "li" };

        var missing = Run([study, zhangOnTime, liLate, .. Examinations(3)]).Violations.Single(v => v.RequirementId == "reflections:occurrence-obligation");
        missing.Evidence.Missing.ShouldBe(["study-1（2014-03-07..2014-03-14）：李二"]);

        Run([study, zhangOnTime, liLate with { Day = Day(3, 14) }, .. Examinations(3)]).Violations.ShouldBeEmpty();
    }

    [Fact]
    public void A_county_level_author_needs_the_longer_chain_and_others_the_shorter_one()
    {
        var violations = Run(Examinations(2)).Violations;
        var zhang = violations.Single(v => v.RequirementId == "self-exam:approval-gate");
        (zhang.Target, zhang.Code).ShouldBe(("zhang", "gate-not-approved"));
        zhang.Evidence.Missing.ShouldBe(["city-leading-group"]);

        Run(Examinations(3)).Violations.ShouldBeEmpty(); // li's two-step chain suffices for 科级
    }
}
