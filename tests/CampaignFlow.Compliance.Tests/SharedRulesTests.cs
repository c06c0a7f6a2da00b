using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Sessions;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A plan's rules are compiled once and shared: by every unit that runs the plan, and by every plan of the same
/// shape; what differs per unit reaches the session as facts, so each unit is judged on its own records, under its
/// own plan's name.
/// </summary>
public class SharedRulesTests
{
    private const string Panyu = "panyu-ftu-2014";
    private static readonly DateTimeOffset AfterTheCampaign = new(2014, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] Leaders = ["su-zhibang", "chen-huimin", "liu-xiaoguang", "wang-mandi", "wen-chengjun"];

    [Fact]
    public void Two_units_of_one_plan_version_share_one_network_and_are_judged_on_their_own_records()
    {
        var rules = Seeds.Rules(Panyu);
        var panyu = new UnitCompliance(rules, "panyu-ftu");
        var other = new UnitCompliance(rules, "panyu-ftu-second");
        var log = Seeds.Log(Panyu).Records;
        panyu.Record(log);
        other.Record(log.Select(r => r with { Unit = "panyu-ftu-second" }));
        // PY-05: only the second unit made up its week-10 study.
        other.Record(Seeds.Activity(Panyu, "study-2014-w10-more", "concentrated-study", "2014-03-06", 2m, Leaders) with { Unit = "panyu-ftu-second" });
        panyu.AdvanceTo(AfterTheCampaign);
        other.AdvanceTo(AfterTheCampaign);

        panyu.Rules.Network.ShouldBeSameAs(other.Rules.Network);
        panyu.Violations.ShouldContain(v => v.RequirementId == "weekly-study:period-minimum" && v.Period == "2014-W10");
        other.Violations.ShouldNotContain(v => v.RequirementId == "weekly-study:period-minimum");
        panyu.Violations.ShouldAllBe(v => v.Unit == "panyu-ftu");
        other.Violations.ShouldAllBe(v => v.Unit == "panyu-ftu-second");
        other.Violations.Count.ShouldBe(panyu.Violations.Count - 1);
    }

    [Fact]
    public void Plans_of_one_shape_compile_one_network_and_each_unit_is_judged_under_its_own_plan()
    {
        var compiler = new ComplianceCompiler();
        var plan = Seeds.Plan(Panyu);
        var clone = plan with { Id = "panyu-ftu-clone-2014", Unit = plan.Unit with { Id = "panyu-ftu-clone" } };

        var original = compiler.Compile(plan);
        var cloned = compiler.Compile(clone);
        var mianyang = compiler.Compile(Seeds.Plan("mianyang-ftu-2014"));

        cloned.Network.ShouldBeSameAs(original.Network);
        mianyang.Network.ShouldNotBeSameAs(original.Network);
        compiler.NetworkCount.ShouldBe(2);

        var unit = new UnitCompliance(cloned, "panyu-ftu-clone");
        unit.Record(Seeds.Log(Panyu).Records.Select(r => r with { Unit = "panyu-ftu-clone" }));
        unit.AdvanceTo(AfterTheCampaign);
        var expected = Seeds.Simulate(Panyu).Violations;
        unit.Violations.Select(v => (v.RequirementId, v.Period, v.Target)).Order().ShouldBe(expected.Select(v => (v.RequirementId, v.Period, v.Target)).Order());
        unit.Violations.ShouldAllBe(v => v.PlanId == "panyu-ftu-clone-2014" && v.Id.StartsWith("panyu-ftu-clone/panyu-ftu-clone-2014@"));
    }

    [Fact]
    public void A_plan_whose_judges_find_other_records_relevant_gets_a_network_of_its_own()
    {
        var compiler = new ComplianceCompiler();
        var plan = Seeds.Plan(Panyu);
        var study = plan.Actions.Single(a => a.Id == "weekly-study");
        var requirement = study.Requirements.Single();
        // The same requirement ids, but the weekly minimum counts another activity.
        var elsewhere = plan with
        {
            Id = "panyu-ftu-elsewhere-2014",
            Actions = plan.Actions.Select(a => a.Id == "weekly-study"
                ? a with { Requirements = [requirement with { Subject = requirement.Subject with { Id = "talk" } }] }
                : a).ToArray(),
        };

        compiler.Compile(elsewhere).Network.ShouldNotBeSameAs(compiler.Compile(plan).Network);
        compiler.NetworkCount.ShouldBe(2);
    }
}
