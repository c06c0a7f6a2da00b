using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Simulation;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// Obligations after each occurrence, <c>at:</c> and a plan's own 半天 and 学时 (issue 18, items 2 and 3), which no seed
/// plan uses yet: on both engines, a report after each research trip (绵阳 MY-17/18's shape), a mobilisation meeting at
/// 15:00 and class hours of 45 minutes.
/// </summary>
public sealed class OccurrenceAndTimeDifferentialTests
{
    private const string Plan = """
        plan: occurrences-2014
        title: 绵阳市总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: mianyang-ftu, name: 绵阳市总工会 }
        campaign: { year: 2014, window: 2月-5月 }
        calendar: { workdayHours: 7, halfDayHours: 3, classHour: 45分钟 }
        activities:
          mobilization-meeting: 动员大会
          research-trip: 深入基层调研
          lecture: 专题辅导
        documents:
          research-report: 调研报告
        roster:
          people:
            - { id: zhang-jianguo, name: 张建国, roles: [principal, leadership, party-member], rank: 县级 }
            - { id: li-minghua, name: 李明华, roles: [leadership, party-member], rank: 县级 }
        phases:
          - id: prepare
            title: 动员部署
            window: 2月
            actions:
              - { id: mobilization, activity: mobilization-meeting, by: 2月28日, at: "15:00", eachAtLeast: 半天 }
          - id: implement
            title: 具体实施
            window: 3月-5月
            actions:
              - { id: reports, forEach: research-trip, perParticipant: leadership, document: research-report, within: 7个工作日 }
              - { id: lectures, activity: lecture, atLeast: 8学时 }
        """;

    private static readonly Lazy<(ComplianceRules Ours, ComplianceRules NRules)> Rules = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-occurrences-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "occurrences.yaml"), Plan);
        var catalog = PlanCatalog.Load([folder]);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        ResolvedPlan plan = catalog.Plans["occurrences-2014"];
        return (ComplianceRules.For(plan), ComplianceRules.For(plan, NRulesComplianceEngine.Instance));
    });

    private static DateOnly Day(int month, int day) => new(2014, month, day);

    private static ActivityRecord Trip(string key, string who, int month, int day) =>
        new(key, "mianyang-ftu", Day(month, day), "research-trip") { LastDay = Day(month, day + 1), Hours = 14, Participants = [who] };

    private static DocumentRecord Report(string key, string who, int month, int day) =>
        new(key, "mianyang-ftu", Day(month, day), "research-report") { Author = who };

    private static ActivityRecord Meeting(int hour, int minute, decimal hours) =>
        new("mobilization", "mianyang-ftu", Day(2, 18), "mobilization-meeting") { Time = hour < 0 ? null : new TimeOnly(hour, minute), Hours = hours };

    public static TheoryData<string> Scenarios() => new(Cases.Keys);

    private static readonly Dictionary<string, UnitRecord[]> Cases = new(StringComparer.Ordinal)
    {
        ["met"] = [Meeting(15, 0, 3), Trip("trip-zhang", "zhang-jianguo", 4, 14), Report("report-zhang", "zhang-jianguo", 4, 24),
            new ActivityRecord("lecture-1", "mianyang-ftu", Day(3, 10), "lecture") { Hours = 6 }],
        ["one report for two trips"] = [Meeting(15, 0, 3), Trip("trip-1", "zhang-jianguo", 4, 14), Trip("trip-2", "zhang-jianguo", 4, 21), Report("report", "zhang-jianguo", 4, 23)],
        ["report after the working days"] = [Meeting(15, 0, 3), Trip("trip-li", "li-minghua", 5, 29), Report("report-li", "li-minghua", 6, 11)],
        ["meeting late and short"] = [Meeting(15, 30, 2.5m)],
        ["meeting without its time"] = [Meeting(-1, 0, 3)],
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Both_engines_agree(string scenario)
    {
        var (ours, nrules) = Rules.Value;
        var records = Cases[scenario];
        foreach (var at in new DateTimeOffset?[] { new DateTimeOffset(2014, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)), null })
        {
            var expected = Simulator.Run(ours, records, at);
            EngineOutcome.ShouldAgree(expected, Simulator.Run(nrules, records, at), $"{scenario} at {at?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "the end"}");
        }

        // The scenarios are not empty: all but the first leave violations for the engines to agree on.
        (Simulator.Run(ours, records).Violations.Count > 0).ShouldBe(scenario != "met");
    }
}
