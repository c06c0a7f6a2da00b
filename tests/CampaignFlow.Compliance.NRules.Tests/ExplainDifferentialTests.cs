using CampaignFlow.Compliance.Explaining;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// <c>--explain</c> on every requirement of every demo log: our engine gives each period its rule node by node, and the
/// nodes agree with the status the simulation gave (the violation node reached exactly when the period is violated);
/// NRules explains the same periods alike but gives no nodes and says so (<see cref="RequirementExplanation.NodeByNode"/>).
/// The statuses themselves are the simulations', which the other differential tests compare.
/// </summary>
public class ExplainDifferentialTests
{
    public static TheoryData<string> Logs() => new(SeedLogs.Names);

    [Theory]
    [MemberData(nameof(Logs))]
    public void Both_engines_explain_each_period_alike_and_ours_node_by_node(string log)
    {
        var (ours, nrules) = BothEngines.Rules(log);
        var records = SeedLogs.Log(log).Records.ToArray();
        var explainable = ours.Judges.Where(j => j.Value.Requirement.Across is null && !j.Value.ReadsOtherUnits).Select(j => j.Key).ToArray();
        var periods = 0;
        foreach (var id in explainable)
        {
            var mine = RequirementExplainer.Explain(ours, id, records);
            (mine.NodeByNode, mine.Engine).ShouldBe((true, "campaignflow"));
            if (id == explainable[0])
            {
                // One requirement a log on NRules: its simulation is the slow part, and the differential tests compare it.
                var theirs = RequirementExplainer.Explain(nrules, id, records);
                (theirs.NodeByNode, theirs.Engine).ShouldBe((false, "nrules"));
                theirs.Periods.ShouldAllBe(p => p.Nodes == null);
                theirs.Periods.Select(p => (p.Period, p.Target, p.Status)).ShouldBe(mine.Periods.Select(p => (p.Period, p.Target, p.Status)), id);
            }

            foreach (var period in mine.Periods)
            {
                var violation = period.Nodes.ShouldNotBeNull()[^1];
                violation.Node.ShouldBe("violation");
                (violation.Outcome == "held").ShouldBe(period.Status == "violated", $"{id} {period.Period} {period.Target}: {string.Join(" → ", period.Nodes!.Select(n => $"{n.Node}:{n.Outcome}"))}");
                periods++;
            }
        }

        periods.ShouldBeGreaterThan(0);
    }
}
