using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// The running units in their hierarchy (西关街道 → 魏都区委 → 许昌市): found by id, by the bodies above, by the body they
/// are under, through bodies that run no campaign of their own.
/// </summary>
public sealed class OrganisationTreeTests
{
    private static readonly OrganisationTree Tree = new(
    [
        Unit("panyu-ftu", "panyu-district"),
        Unit("weidu-district", "xuchang-city"),
        Unit("xiguan-street", "weidu-district"),
        Unit("xiguan-community", "xiguan-street"),
        Unit("ximen-street", "weidu-district"),
    ]);

    [Fact]
    public void A_body_has_every_unit_below_it_through_the_units_in_between_in_the_order_units_run()
    {
        Tree.Under("weidu-district").Select(u => u.Id).ShouldBe(["weidu-district", "xiguan-street", "xiguan-community", "ximen-street"]);
        Tree.Under("xuchang-city").Select(u => u.Id).ShouldBe(["weidu-district", "xiguan-street", "xiguan-community", "ximen-street"]);
        Tree.Under("xiguan-street").Select(u => u.Id).ShouldBe(["xiguan-street", "xiguan-community"]);
        Tree.Under("nowhere").ShouldBeEmpty();
    }

    [Fact]
    public void A_unit_knows_the_bodies_above_it_nearest_first()
    {
        var community = Tree.Find("xiguan-community")!;
        Tree.BodiesAbove(community).ShouldBe(["xiguan-street", "weidu-district", "xuchang-city"]);
        Tree.IsUnder(community, "xuchang-city").ShouldBeTrue();
        Tree.IsUnder(community, "panyu-district").ShouldBeFalse();
        Tree.IsUnder(community, "xiguan-community").ShouldBeTrue();
        Tree.Find("xuchang-city").ShouldBeNull();
    }

    [Fact]
    public void Bodies_that_run_no_campaign_link_the_units_below_them_to_the_bodies_above()
    {
        // 魏都区委's plan is the template of its streets, so it runs no campaign; only its plan says it is under 许昌市.
        var tree = new OrganisationTree(
            [Unit("xiguan-street", "weidu-district"), Unit("ximen-street", "weidu-district"), Unit("panyu-ftu", "panyu-district")],
            new Dictionary<string, string> { ["weidu-district"] = "xuchang-city", ["xuchang-city"] = "henan-province" });
        var xiguan = tree.Find("xiguan-street")!;

        tree.BodiesAbove(xiguan).ShouldBe(["weidu-district", "xuchang-city", "henan-province"]);
        tree.IsUnder(xiguan, "xuchang-city").ShouldBeTrue();
        tree.Under("xuchang-city").Select(u => u.Id).ShouldBe(["xiguan-street", "ximen-street"]);
        tree.Under("henan-province").Select(u => u.Id).ShouldBe(["xiguan-street", "ximen-street"]);
        tree.Find("weidu-district").ShouldBeNull();
    }

    [Fact]
    public void A_circle_of_parents_named_by_plans_ends_the_walk()
    {
        var tree = new OrganisationTree([Unit("xiguan-street", "weidu-district")], new Dictionary<string, string> { ["weidu-district"] = "xuchang-city", ["xuchang-city"] = "weidu-district" });

        tree.BodiesAbove(tree.Find("xiguan-street")!).ShouldBe(["weidu-district", "xuchang-city"]);
        tree.Under("xuchang-city").Select(u => u.Id).ShouldBe(["xiguan-street"]);
    }

    [Fact]
    public async Task The_service_knows_the_parent_of_a_template_plans_body_and_the_units_built_on_the_template()
    {
        var h = new CampaignHarness(CampaignHarness.Day("2014-02-14"));
        await using var service = await h.StartAsync();

        service.FindUnit("weidu-district")!.PlanId.ShouldBe("weidu-district-2014", "a body's plan runs for the body, though the units' plans inherit it");
        service.Organisation.Under("xuchang-city").Select(u => u.Id).ShouldContain("weidu-xiguan-street");
        service.Organisation.Under("xuchang-city").ShouldAllBe(u => u.Id.StartsWith("weidu-"));
        service.Organisation.BodiesAbove(service.FindUnit("weidu-xiguan-street")!).ShouldBe(["weidu-district", "xuchang-city"]);
        service.Organisation.BodiesAbove(service.FindUnit("weidu-jianshelu-community")!).ShouldBe(["weidu-xiguan-street", "weidu-district", "xuchang-city"]);
        service.UnitsBuiltOn("weidu-district-2014").Select(u => u.Id).ShouldContain("weidu-xiguan-street");
        service.UnitsBuiltOn("weidu-district-2014").Count.ShouldBe(service.Organisation.Under("weidu-district").Count);
        service.UnitsBuiltOn("weidu-xiguan-street-2014").Select(u => u.Id).ShouldBe(["weidu-xiguan-street"]);
        service.UnitsBuiltOn("weidu-streets-2014").Select(u => u.Id).ShouldNotContain("weidu-xiguan-street", "its own plan wins over its kind's template");
        service.UnitsBuiltOn("panyu-ftu-2014").Select(u => u.Id).ShouldBe(["panyu-ftu"]);
        service.UnitsBuiltOn("no-such-plan").ShouldBeEmpty();
    }

    private static CampaignUnit Unit(string id, string body) => new(id, id, body, null, id + "-2014", 1, id);
}
