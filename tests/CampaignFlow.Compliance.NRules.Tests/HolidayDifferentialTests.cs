using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// The working calendar (issue 18, item 7) on both engines, with the seeds' holidays file: a report within 5 working
/// days of each research trip across 国庆节 2014, an appraisal within 3 working days of the mobilisation across
/// 春节, and a weekly minimum that skips the week nobody works in.
/// </summary>
public sealed class HolidayDifferentialTests
{
    private const string Plan = """
        plan: holidays-2014
        title: 绵阳市总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: mianyang-ftu, name: 绵阳市总工会 }
        campaign: { year: 2014, window: 1月下旬-10月 }
        calendar: { holidays: calendar/china.holidays.yaml, holidayWeeks: skipped }
        activities:
          mobilization-meeting: 动员大会
          democratic-appraisal: 民主测评
          concentrated-study: 集中学习
          research-trip: 深入基层调研
        documents:
          research-report: 调研报告
        roster:
          people:
            - { id: zhang-jianguo, name: 张建国, roles: [principal, leadership, party-member], rank: 县级 }
            - { id: li-minghua, name: 李明华, roles: [leadership, party-member], rank: 县级 }
        phases:
          - id: prepare
            title: 动员部署
            window: 1月下旬-1月底
            actions:
              - { id: mobilization, activity: mobilization-meeting, exactly: 1次 }
          - id: study
            title: 学习教育、听取意见
            window: 2月
            actions:
              - { id: democratic-appraisal, activity: democratic-appraisal, after: [mobilization], within: 3个工作日 }
              - { id: weekly-study, activity: concentrated-study, every: week, atLeast: 半天 }
          - id: implement
            title: 具体实施
            window: 3月-9月
            actions:
              - { id: reports, forEach: research-trip, perParticipant: leadership, document: research-report, within: 5个工作日 }
        """;

    private static readonly Lazy<(ComplianceRules Ours, ComplianceRules NRules)> Rules = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-holidays-both-" + Guid.NewGuid().ToString("N"));
        Repository.CopyHolidays(folder);
        File.WriteAllText(Path.Combine(folder, "holidays.yaml"), Plan);
        var catalog = PlanCatalog.Load([folder]);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        ResolvedPlan plan = catalog.Plans["holidays-2014"];
        return (ComplianceRules.For(plan), ComplianceRules.For(plan, NRulesComplianceEngine.Instance));
    });

    private static DateOnly Day(int month, int day) => new(2014, month, day);

    private static ActivityRecord Trip(string who) =>
        new("trip-" + who, "mianyang-ftu", Day(9, 29), "research-trip") { LastDay = Day(9, 30), Hours = 16, Participants = [who] };

    private static DocumentRecord Report(string who, int month, int day) =>
        new("report-" + who, "mianyang-ftu", Day(month, day), "research-report") { Author = who };

    private static UnitRecord[] Prepared(int appraisalDay, params int[] studyDays) =>
    [
        new ActivityRecord("mobilization", "mianyang-ftu", Day(1, 30), "mobilization-meeting") { Hours = 3 },
        new ActivityRecord("appraisal", "mianyang-ftu", Day(2, appraisalDay), "democratic-appraisal") { Hours = 2 },
        .. studyDays.Select(d => new ActivityRecord($"study-{d}", "mianyang-ftu", Day(2, d), "concentrated-study") { Hours = 4 }),
    ];

    public static TheoryData<string> Scenarios() => new(Cases.Keys);

    private static readonly Dictionary<string, UnitRecord[]> Cases = new(StringComparer.Ordinal)
    {
        ["met"] = [.. Prepared(10, 7, 14, 21, 28), Trip("zhang-jianguo"), Report("zhang-jianguo", 10, 13)],
        ["report after the fifth working day"] = [.. Prepared(10, 7, 14, 21, 28), Trip("zhang-jianguo"), Report("zhang-jianguo", 10, 14)],
        ["appraisal after the third working day"] = [.. Prepared(11, 7, 14, 21, 28)],
        ["a working week without study"] = [.. Prepared(10, 14, 21, 28)],
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Both_engines_agree(string scenario)
    {
        var (ours, nrules) = Rules.Value;
        var records = Cases[scenario];
        foreach (var at in new DateTimeOffset?[] { new DateTimeOffset(2014, 2, 12, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2014, 10, 14, 9, 0, 0, TimeSpan.FromHours(8)), null })
        {
            var expected = Simulator.Run(ours, records, at);
            EngineOutcome.ShouldAgree(expected, Simulator.Run(nrules, records, at), $"{scenario} at {at?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "the end"}");
        }

        // The scenarios are not empty: all but the first leave violations for the engines to agree on.
        (Simulator.Run(ours, records).Violations.Count > 0).ShouldBe(scenario != "met");
    }
}
