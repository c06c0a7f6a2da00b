using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A plan version is compiled once: every unit that runs it shares its workflow and its rule network, and a unit costs nothing until it is used.</summary>
public sealed class SharedCompilationTests
{
    private const string Xiguan = "weidu-xiguan-street-2014";

    [Fact]
    public void Two_units_of_one_plan_version_share_one_compiled_workflow_and_rule_network()
    {
        var plan = PlanCatalog.Load([Repository.Path("definitions")]).Plans[Xiguan];
        var compilations = new PlanCompilations();
        compilations.Register(plan);
        var registry = new UnitRegistry(
            [Started("xiguan-street", plan, "instance-1"), Started("xiguan-street-second", plan, "instance-2")],
            compilations);
        compilations.RuleNetworks.ShouldBe(0); // no unit used yet: no rules compiled

        var first = registry.Find("xiguan-street")!;
        var second = registry.Find("xiguan-street-second")!;

        second.Compiled.ShouldBeSameAs(first.Compiled);
        second.Compiled.Rules.Network.ShouldBeSameAs(first.Compiled.Rules.Network);
        compilations.Registry.Get(Xiguan, plan.Version).ShouldBeSameAs(first.Compiled.Campaign.Definition);
        compilations.RuleNetworks.ShouldBe(1);
        registry.FindByInstanceKey("xiguan-street-second@" + plan.Version).ShouldBeSameAs(second);
    }

    [Fact]
    public void A_clone_of_a_plan_under_another_id_shares_the_rule_network_but_keeps_its_own_workflow()
    {
        var plan = PlanCatalog.Load([Repository.Path("definitions")]).Plans[Xiguan];
        var clone = plan with { Id = "weidu-xiguan-street-clone-2014", Unit = plan.Unit with { Id = "xiguan-street-clone" } };
        var compilations = new PlanCompilations();

        var original = compilations.For(plan);
        var cloned = compilations.For(clone);

        cloned.Rules.Network.ShouldBeSameAs(original.Rules.Network);
        cloned.Campaign.Definition.Id.ShouldBe("weidu-xiguan-street-clone-2014");
        cloned.Rules.Judges.Values.ShouldAllBe(j => original.Rules.Judges.Values.All(o => o != j));
        compilations.RuleNetworks.ShouldBe(1);
    }

    private static StartedUnit Started(string unit, Plans.Resolution.ResolvedPlan plan, string instance) =>
        new(new CampaignUnit(unit, unit, plan.Unit.Parent, plan.Supervisor, plan.Id, plan.Version, plan.Title), plan, instance);
}
