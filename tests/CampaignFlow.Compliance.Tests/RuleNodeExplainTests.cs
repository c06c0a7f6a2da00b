using CampaignFlow.Compliance.Explaining;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// The compliance rule of a requirement node by node for each period (ADR 0002's shape: the due, the records collected,
/// the verdict), on 番禺区总工会's PY-05 (a week met, violated, pending) and 西关街道's WD-02 (closed by an exception).
/// </summary>
public sealed class RuleNodeExplainTests
{
    private const string Panyu = "panyu-ftu-2014";
    private const string WeeklyStudy = "weekly-study:period-minimum";
    private static readonly DateTimeOffset MidMarch = new(2014, 3, 12, 0, 0, 0, TimeSpan.FromHours(8));

    private static RequirementExplanation WeeklyStudyInMidMarch() =>
        RequirementExplainer.Explain(Seeds.Rules(Panyu), WeeklyStudy, Seeds.Log(Panyu).Records.ToArray(), MidMarch);

    private static string Trace(PeriodExplanation period) =>
        string.Join(" → ", period.Nodes!.Select(n => $"{n.Node}:{n.Outcome}({n.Passed}/{n.Reached})"));

    [Fact]
    public void A_week_met_shows_the_records_collected_and_the_verdict_that_did_not_hold()
    {
        var explanation = WeeklyStudyInMidMarch();

        explanation.NodeByNode.ShouldBeTrue();
        var w09 = explanation.Periods.Single(p => p.Period == "2014-W09");
        var nodes = w09.Nodes.ShouldNotBeNull();
        nodes.Select(n => n.Node).ShouldBe(["due", "requirement", "records", "relevant", "collect", "verdict", "violation"], Trace(w09));
        nodes.Take(5).ShouldAllBe(n => n.Outcome == "held", Trace(w09));
        nodes.Single(n => n.Node == "collect").Aggregated.ShouldBe(w09.Records.Count(r => r.Counted));
        var verdict = nodes.Single(n => n.Node == "verdict");
        (verdict.Outcome, verdict.Reached, verdict.Passed).ShouldBe(("failed", 1, 0));
        verdict.FailedCondition.ShouldNotBeNull().ShouldContain("Judge");
        nodes[^1].Outcome.ShouldBe("not-reached");
    }

    [Fact]
    public void A_week_violated_gets_through_every_node_to_the_violation()
    {
        var w10 = WeeklyStudyInMidMarch().Periods.Single(p => p.Period == "2014-W10");

        w10.Status.ShouldBe("violated");
        w10.Nodes.ShouldNotBeNull().ShouldAllBe(n => n.Outcome == "held", Trace(w10));
        w10.Nodes!.Single(n => n.Node == "collect").Aggregated.ShouldBe(1);
        (w10.Nodes![^1].Node, w10.Nodes![^1].Passed).ShouldBe(("violation", 1));
    }

    [Fact]
    public void A_week_pending_has_no_due_in_working_memory()
    {
        var w11 = WeeklyStudyInMidMarch().Periods.Single(p => p.Period == "2014-W11");

        w11.Status.ShouldBe("pending");
        var due = w11.Nodes.ShouldNotBeNull()[0];
        (due.Node, due.Outcome).ShouldBe(("due", "absent"));
    }

    [Fact]
    public void The_nodes_agree_with_the_status_of_every_period_of_every_requirement_of_the_demo_log()
    {
        var rules = Seeds.Rules(Panyu);
        var records = Seeds.Log(Panyu).Records.ToArray();
        var checkedPeriods = 0;
        foreach (var id in rules.Judges.Where(j => j.Value.Requirement.Across is null && !j.Value.ReadsOtherUnits && !j.Value.PerRecord).Select(j => j.Key))
        {
            foreach (var period in RequirementExplainer.Explain(rules, id, records, MidMarch).Periods)
            {
                var nodes = period.Nodes.ShouldNotBeNull();
                var expected = period.Status switch
                {
                    "violated" => "held",
                    "pending" => nodes[^1].Outcome,
                    _ => "not-reached",
                };
                nodes[^1].Outcome.ShouldBe(expected, $"{id} {period.Period} {period.Target}: {Trace(period)}");
                if (period.Status == "pending")
                {
                    nodes[0].Outcome.ShouldBe("absent");
                }

                checkedPeriods++;
            }
        }

        checkedPeriods.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void A_soft_requirement_closed_by_an_exception_is_blocked_at_the_not_node_by_that_exception()
    {
        const string Weidu = "weidu-xiguan-street-2014";
        var rules = Seeds.Rules(Weidu);
        var id = rules.Judges.Keys.Single(k => k.StartsWith("concentrated-education-span:", StringComparison.Ordinal));

        var explanation = RequirementExplainer.Explain(rules, id, Seeds.Log(Weidu).Records.ToArray());

        var period = explanation.Periods.ShouldHaveSingleItem();
        period.Status.ShouldBe("met");
        var not = period.Nodes.ShouldNotBeNull().Single(n => n.Node == "no-exception");
        not.Outcome.ShouldBe("blocked", Trace(period));
        not.Partner.ShouldBe(["span-exception"]);
        period.Nodes!.SkipWhile(n => n.Node != "no-exception").Skip(1).Where(n => n.Node is "collect" or "verdict" or "violation")
            .ShouldAllBe(n => n.Outcome == "not-reached");
    }
}
