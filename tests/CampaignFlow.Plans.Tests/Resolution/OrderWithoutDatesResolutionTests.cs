using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// Order without dates (issue 18, item 4) as the resolver reads it: a phase or link with <c>after:</c> and no window,
/// links of an <c>inOrder</c> phase, and <c>eachAfter</c> on an action.
/// </summary>
public class OrderWithoutDatesResolutionTests
{
    [Fact]
    public void A_top_level_phase_after_an_action_needs_no_window_and_orders_each_of_its_actions()
    {
        var (plan, catalog) = PlanBuilder.WithActions(
            "- { id: mobilization, activity: mobilization-meeting, by: 2月28日前 }",
            morePhases: """
                - id: criticism
                  title: 查摆问题、开展批评
                  after: [mobilization]
                  actions:
                    - { id: talks, activity: talk, covers: { pairs: leadership } }
                    - { id: evaluation, activity: democratic-evaluation, after: [mobilization] }
                """);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));

        plan!.Phases.Single(p => p.Id == "criticism").Window.ShouldBe(plan.Window);
        var order = plan.Requirements.OfType<PhaseOrder>().ShouldHaveSingleItem();
        (order.ActionId, order.Phase, order.Id).ShouldBe(("talks", "criticism", "talks:phase-order"));
        var follows = order.Follows.ShouldHaveSingleItem();
        (follows.Id, follows.Title).ShouldBe(("mobilization", "mobilization"));
        follows.Actions.ShouldBe(["mobilization"]);

        // An action that says 'after' of the same thing itself is ordered once, by its own Order.
        plan.Requirements.Where(r => r.ActionId == "evaluation").Select(r => r.Kind).ShouldNotContain(RequirementKind.PhaseOrder);
    }

    [Fact]
    public void The_links_of_a_phase_in_order_each_follow_the_link_written_before_them()
    {
        var (plan, catalog) = PlanBuilder.WithActions(
            "- { id: mobilization, activity: mobilization-meeting }",
            morePhases: """
                - id: implementation
                  title: 具体实施
                  window: 5月-9月
                  inOrder: true
                  phases:
                    - id: criticism
                      title: 查摆问题、开展批评
                      actions:
                        - { id: talks, activity: talk }
                        - { id: meeting, activity: democratic-life-meeting }
                    - id: rectification
                      title: 整改落实、建章立制
                      actions:
                        - { id: plan, document: rectification-plan }
                """);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));

        var orders = plan!.Requirements.OfType<PhaseOrder>().ToDictionary(o => o.ActionId);
        orders.Keys.ShouldBe(["plan"]);
        orders["plan"].Follows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Id.ShouldBe("criticism"),
            f => f.Title.ShouldBe("查摆问题、开展批评"),
            f => f.Actions.ShouldBe(["talks", "meeting"]));
        CampaignFlow.Plans.Resolution.PlanResolver.Describe(orders["plan"], plan.Vocabulary, new System.Globalization.CultureInfo("zh-CN"))
            .ShouldBe("整改方案（整改落实、建章立制）须在“查摆问题、开展批评”开始之后进行，按记录的先后判断");
    }

    [Fact]
    public void Each_after_resolves_to_an_order_of_each_occurrence()
    {
        var (plan, catalog) = PlanBuilder.WithActions("""
            - { id: trips, activity: research-trip, per: person, who: leadership }
            - { id: reports, document: reflection, per: person, who: leadership, eachAfter: [trips], redoWhen: returned }
            """);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));

        var each = plan!.Requirements.OfType<OrderEach>().ShouldHaveSingleItem();
        (each.Id, each.Scope).ShouldBe(("reports:order-each", Scope.Person));
        each.After.ShouldBe(["trips"]);
        each.Targets.ShouldBe(["su", "chen", "liu", "wang"]);
    }

    [Fact]
    public void A_misspelt_reference_suggests_the_action_or_phase_meant()
    {
        var (_, catalog) = PlanBuilder.WithActions(
            "- { id: mobilization, activity: mobilization-meeting }",
            morePhases: "- { id: criticism, title: 查摆问题、开展批评, after: [mobilisation], actions: [{ id: talks, activity: talk }] }");

        var finding = catalog.Diagnostics.ShouldHaveSingleItem();
        finding.Code.ShouldBe("unknown-order-reference");
        finding.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("did you mean 'mobilization'?");
    }
}
