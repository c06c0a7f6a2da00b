using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// <see cref="RequirementJudge.ReadsOtherUnits"/> on both engines: a week of 番禺's study (PY-05, 4 hours a week)
/// met only by another unit's records is met for a judge that reads other units, and violated for one that reads
/// only its own unit's. No seed judge reads other units yet, so the seed judge is wrapped to.
/// </summary>
public class OtherUnitsDifferentialTests
{
    private const string Log = "panyu-ftu-2014";

    public static TheoryData<bool> ReadsOtherUnits() => new(true, false);

    [Theory]
    [MemberData(nameof(ReadsOtherUnits))]
    public void A_week_met_by_another_units_records_counts_only_for_a_judge_that_reads_other_units(bool readsOtherUnits)
    {
        var plan = SeedLogs.PlanOf(Log);
        Func<RequirementJudge, RequirementJudge>? decorate = readsOtherUnits ? judge => new OtherUnitsJudge(judge, new JudgeContext(plan)) : null;
        var found = new[] { ComplianceRules.For(plan, decorate), ComplianceRules.For(plan, NRulesComplianceEngine.Instance, decorate) }.Select(rules =>
        {
            var week = rules.Schedule.First(d => d.RequirementId.StartsWith("weekly-study", StringComparison.Ordinal));
            var study = rules.Judges[week.RequirementId].Requirement.Subject.Id;
            var session = rules.Network.CreateSession();
            var open = new List<Violation>();
            session.ViolationInserted += (_, e) => open.Add(e.Violation);
            session.ViolationRetracted += (_, e) => open.RemoveAll(v => v.Id == e.Violation.Id);
            session.InsertAll([
                new ActivityRecord("other-study-1", "another-unit", week.Start, study) { Hours = 2.5m },
                new ActivityRecord("other-study-2", "another-unit", week.Start.AddDays(1), study) { Hours = 2.5m },
            ]);
            session.Insert(week.For(plan.Unit.Id, rules.Judges[week.RequirementId]));
            session.Fire();
            return open.Select(EngineOutcome.Line).ToArray();
        }).ToArray();

        found[1].ShouldBe(found[0], "NRules and ours differ");
        found[0].Length.ShouldBe(readsOtherUnits ? 0 : 1);
    }
}
