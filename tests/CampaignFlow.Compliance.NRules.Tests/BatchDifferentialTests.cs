using CampaignFlow.Compliance.Sessions;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// A whole log recorded in one batch after every period has closed (a replay): NRules inserts the batch at once
/// (InsertAll), ours one record after the other; the violations left open are the same.
/// </summary>
public class BatchDifferentialTests
{
    public static TheoryData<string> Logs() => new(SeedLogs.Names);

    [Theory]
    [MemberData(nameof(Logs))]
    public void A_log_recorded_in_one_batch_after_the_campaign_leaves_the_same_violations_on_both_engines(string log)
    {
        var (ours, nrules) = BothEngines.Rules(log);
        var plan = SeedLogs.PlanOf(log);
        var end = BothEngines.StartOf(plan.Window.End.AddDays(1));
        var records = SeedLogs.Log(log).Records;

        var found = new[] { ours, nrules }.Select(rules =>
        {
            var unit = new UnitCompliance(rules, plan.Unit.Id);
            unit.AdvanceTo(end);
            unit.Record(records).ShouldBe(records.Count);
            return unit.Violations.Select(EngineOutcome.Line).Order(StringComparer.Ordinal).ToArray();
        }).ToArray();

        found[0].ShouldNotBeEmpty();
        found[1].ShouldBe(found[0], $"{log}: the open violations after one batch differ");
    }
}
