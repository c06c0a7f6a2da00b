using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>The running units in their hierarchy (西关街道 → 魏都区委 → 许昌市): found by id, by the bodies above, by the body they are under.</summary>
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

    private static CampaignUnit Unit(string id, string body) => new(id, id, body, null, id + "-2014", 1, id);
}
