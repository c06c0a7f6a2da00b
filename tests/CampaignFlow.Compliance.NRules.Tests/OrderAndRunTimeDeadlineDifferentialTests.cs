using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// Order without dates and deadlines set at run time (issue 18, items 4 and 5) on both engines, on 绵阳's demo log
/// changed by a record or two: 查摆问题 after 学习教育 by the order of the records, each report version after a trip of
/// its own (MY-18), a returned report done again by the reviewer's day, and a test re-taken by the members who failed
/// it by the examiner's day (MY-16).
/// </summary>
public sealed class OrderAndRunTimeDeadlineDifferentialTests
{
    private const string Log = "mianyang-ftu-2014";

    private static UnitRecord Demo(string key) => SeedLogs.Log(Log).Records.Single(r => r.Key == key);

    private static DateOnly Day(int month, int day) => new(2014, month, day);

    private static readonly Dictionary<string, (Func<UnitRecord, bool> Without, UnitRecord[] With, string Requirement)> Cases = new(StringComparer.Ordinal)
    {
        ["met"] = (_ => false, [], ""),
        ["a 查摆 record before 学习教育 began"] = (r => r.Key == "four-winds-list", [Demo("four-winds-list") with { Day = Day(2, 28) }], "four-winds-list:phase-order"),
        ["a resubmitted report without a new trip"] = (r => r.Key == "trip-chen-again", [], "research-report:order-each"),
        ["a resubmission after the reviewer's day"] = (r => r.Key == "report-chen-again", [Demo("report-chen-again") with { Day = Day(5, 28) }], "research-report:rework"),
        ["a return not done again"] = (r => r.Key.StartsWith("report-chen-again", StringComparison.Ordinal), [], "research-report:rework"),
        ["a member who failed does not re-take"] = (r => r.Key == "knowledge-test-retake", [((ActivityRecord)Demo("knowledge-test-retake")) with { Participants = ["sun-min"] }], "knowledge-test:rework"),
        ["a re-take after the examiner's day"] = (r => r.Key == "knowledge-test-retake", [((ActivityRecord)Demo("knowledge-test-retake")) with { Day = Day(6, 25), LastDay = Day(6, 25) }], "knowledge-test:rework"),
    };

    public static TheoryData<string> Scenarios() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Both_engines_agree(string scenario)
    {
        var (without, with, requirement) = Cases[scenario];
        var records = SeedLogs.Log(Log).Records.Where(r => !without(r)).Concat(with).ToArray();
        foreach (var at in new DateTimeOffset?[] { BothEngines.StartOf(Day(6, 1)), BothEngines.StartOf(Day(9, 21)), null })
        {
            BothEngines.ShouldAgree(Log, records, at, $"{scenario} at {at?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "the end"}");
        }

        // Each scenario but the first breaks exactly the requirement it names, so the engines agree on something.
        var found = BothEngines.ShouldAgree(Log, records, null, scenario).Violations;
        found.Count(v => v.RequirementId == requirement).ShouldBe(scenario == "met" ? 0 : 1);
    }

    [Theory]
    [InlineData("knowledge-test-retake", "knowledge-test:rework")]
    [InlineData("report-chen-again", "research-report:rework")]
    public void A_late_record_dated_in_time_resolves_the_violation_on_both_engines(string lateKey, string requirement)
    {
        var (ours, nrules) = BothEngines.Rules(Log);
        var plan = SeedLogs.PlanOf(Log);
        var found = new[] { ours, nrules }.Select(rules =>
        {
            var unit = new UnitCompliance(rules, plan.Unit.Id);
            unit.Record(SeedLogs.Log(Log).Records.Where(r => r.Key != lateKey).ToArray());
            unit.AdvanceTo(BothEngines.StartOf(Day(9, 22)));
            var open = unit.Violations.Single(v => v.RequirementId == requirement);
            unit.Record(Demo(lateKey)).ShouldBeTrue();
            return (open.Code, Open: unit.Violations.Count(v => v.RequirementId == requirement));
        }).ToArray();

        found[1].ShouldBe(found[0]);
        found[0].Open.ShouldBe(0);
    }

    [Fact]
    public void Both_engines_resolve_a_violation_whose_record_an_earlier_late_record_replaces()
    {
        // The phase-order violation names the action's first record; a draft dated before the list and entered after it
        // was judged changes the id: the one named before is resolved, on each engine, and the histories agree.
        var (ours, nrules) = BothEngines.Rules(Log);
        var plan = SeedLogs.PlanOf(Log);
        var list = Demo("four-winds-list") with { Day = Day(2, 28) };
        var found = new[] { ours, nrules }.Select(rules =>
        {
            var unit = new UnitCompliance(rules, plan.Unit.Id);
            unit.Record(SeedLogs.Log(Log).Records.Where(r => r.Key != "four-winds-list").Append(list).ToArray());
            unit.AdvanceTo(BothEngines.StartOf(Day(9, 22)));
            unit.Record(list with { Key = "four-winds-list-draft", Day = Day(2, 26) }).ShouldBeTrue();
            var open = unit.Violations.Where(v => v.RequirementId == "four-winds-list:phase-order").Select(v => v.Record).ToArray();
            var history = unit.History.Where(h => h.Violation.RequirementId == "four-winds-list:phase-order")
                .Select(h => $"{h.Kind} {EngineOutcome.Line(h.Violation)} records: {string.Join(",", h.Records)}").ToArray();
            return (Open: open, History: history, All: unit.Violations.Select(EngineOutcome.Line).Order(StringComparer.Ordinal).ToArray());
        }).ToArray();

        found[0].Open.ShouldBe(["four-winds-list-draft"]);
        found[0].History.Select(h => h.Split(' ')[0]).ShouldBe(["Opened", "Resolved", "Opened"]);
        found[1].History.ShouldBe(found[0].History);
        found[1].All.ShouldBe(found[0].All);
    }

    [Fact]
    public void Both_engines_report_a_rework_the_day_after_the_day_set_for_it_not_when_the_window_closes()
    {
        var (ours, nrules) = BothEngines.Rules(Log);
        var plan = SeedLogs.PlanOf(Log);
        var days = new[] { ours, nrules }.Select(rules =>
        {
            var unit = new UnitCompliance(rules, plan.Unit.Id);
            unit.Record(SeedLogs.Log(Log).Records.Where(r => !r.Key.StartsWith("report-chen-again", StringComparison.Ordinal) && r.Key != "knowledge-test-retake").ToArray());
            var seen = new List<(DateOnly Day, string Code)>();
            for (var day = Day(5, 20); day <= Day(9, 22); day = day.AddDays(1))
            {
                unit.AdvanceTo(BothEngines.StartOf(day));
                seen.AddRange(unit.Violations.Where(v => v.RequirementId.EndsWith(":rework", StringComparison.Ordinal) && !seen.Any(s => s.Code == v.Code)).Select(v => (day, v.Code)));
            }

            return seen;
        }).ToArray();

        days[0].ShouldBe([(Day(5, 27), "rework-required-by"), (Day(6, 21), "retake-owed")]);
        days[1].ShouldBe(days[0]);
    }
}
