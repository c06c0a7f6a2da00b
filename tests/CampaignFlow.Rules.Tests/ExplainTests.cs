using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Explaining;
using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

/// <summary>
/// "Why did this rule (not) fire?" node by node, on a small rule set: a fact that passes every node, one that fails an
/// alpha term, one whose join finds no partner (or one that fails a term), one blocked by a not node; aggregates and
/// filters; and the evaluation agreeing with the network's own activations.
/// </summary>
public class ExplainTests
{
    public sealed record Order(string Id, string Customer, int Total);

    public sealed record Customer(string Id, string Country);

    public sealed record Hold(string Customer);

    public sealed record Shipped(string Order);

    [Id("ship-large-orders")]
    public sealed class ShipLargeOrdersRule : Rule
    {
        protected override void Define()
        {
            Order order = null!;
            Customer customer = null!;
            When()
                .Match(() => order, o => o.Total > 100)
                .Match(() => customer, c => c.Id == order.Customer && c.Country == "NZ")
                .Not<Hold>(h => h.Customer == customer.Id);
            Then().Yield(_ => new Shipped(order.Id));
        }
    }

    public sealed record Basket(string Id);

    public sealed record Item(string Basket, string Name);

    public sealed record Contents(string Basket, int Count);

    public sealed class ContentsRule : Rule
    {
        protected override void Define()
        {
            Basket basket = null!;
            IReadOnlyCollection<Item> items = null!;
            When()
                .Match(() => basket)
                .Collect(() => items, (Item i) => i.Basket == basket.Id)
                .Where(() => items.Count > 0);
            Then().Yield(_ => new Contents(basket.Id, items.Count));
        }
    }

    public sealed record Flagged(string Customer);

    public sealed class FlagBusyCustomersRule : Rule
    {
        protected override void Define()
        {
            Customer customer = null!;
            int total = 0;
            When()
                .Match(() => customer)
                .Exists<Order>(o => o.Customer == customer.Id && o.Total > 100)
                .Sum(() => total, (Order o) => o.Total, o => o.Customer == customer.Id)
                .Where(() => total >= 300);
            Then().Yield(_ => new Flagged(customer.Id));
        }
    }

    public sealed record Largest(string Customer, int Total);

    public sealed class LargestPerCustomerRule : Rule
    {
        protected override void Define()
        {
            IGrouping<string, Order> orders = null!;
            int largest = 0;
            When()
                .GroupBy(() => orders, (Order o) => o.Customer)
                .Max(() => largest, (Order o) => o.Total, o => o.Customer == orders.Key);
            Then().Yield(_ => new Largest(orders.Key, largest));
        }
    }

    private static readonly string Ship = new ShipLargeOrdersRule().GetDefinition().Id;

    private static ISession NewSession(params object[] facts)
    {
        var session = RuleCompiler.Compile(
            new ShipLargeOrdersRule().GetDefinition(), new ContentsRule().GetDefinition(), new FlagBusyCustomersRule().GetDefinition(), new LargestPerCustomerRule().GetDefinition()).CreateSession();
        session.InsertAll(facts);
        return session;
    }

    [Fact]
    public void A_fact_that_passes_every_node_is_shown_node_by_node_in_chain_order()
    {
        var order = new Order("o1", "c1", 200);
        var session = NewSession(order, new Order("o2", "c1", 150), new Customer("c1", "NZ"), new Customer("c2", "AU"));

        var explanation = session.Explain(Ship, order);

        explanation.Nodes.Select(n => n.Kind).ShouldBe([
            NodeKind.Type, NodeKind.Selection,
            NodeKind.Type, NodeKind.Selection, NodeKind.Join,
            NodeKind.Type, NodeKind.Not,
            NodeKind.Terminal,
        ]);
        explanation.Nodes.Take(5).Select(n => n.Declaration).ShouldBe(["order", "order", "customer", "customer", "customer"]);
        explanation.Nodes.ShouldAllBe(n => n.Outcome == NodeOutcome.Held);
        (explanation.Holds, explanation.Matched, explanation.InWorkingMemory, explanation.FirstFailure).ShouldBe((true, true, true, (NodeExplanation?)null));

        // Alpha nodes count facts (the orders among four facts, the two large ones); beta nodes count partial matches
        // that hold the explained order.
        var orderType = explanation.Nodes[0];
        (orderType.Reached, orderType.Passed).ShouldBe((4, 2));
        var country = explanation.Nodes[3];
        country.Condition.ShouldContain("Country");
        (country.Reached, country.Passed).ShouldBe((2, 1));
        var join = explanation.Nodes[4];
        join.Condition.ShouldContain("order.Customer");
        (join.Reached, join.Passed).ShouldBe((1, 1));
    }

    [Fact]
    public void A_fact_that_fails_an_alpha_term_stops_there_and_the_nodes_after_it_are_not_reached()
    {
        var small = new Order("o1", "c1", 50);
        var session = NewSession(small, new Customer("c1", "NZ"));

        var explanation = session.Explain(Ship, small);

        var failure = explanation.FirstFailure.ShouldNotBeNull();
        (failure.Kind, failure.Declaration, failure.Outcome).ShouldBe((NodeKind.Selection, "order", NodeOutcome.Failed));
        failure.FailedCondition.ShouldBe("(order.Total > 100)");
        explanation.Nodes.Where(n => n.Kind is NodeKind.Join or NodeKind.Not or NodeKind.Terminal)
            .ShouldAllBe(n => n.Outcome == NodeOutcome.NotReached);
        (explanation.Holds, explanation.Matched).ShouldBe((false, false));
    }

    [Fact]
    public void A_join_without_any_candidate_says_no_partner()
    {
        var order = new Order("o1", "c1", 200);
        var session = NewSession(order, new Customer("c1", "AU"));

        var explanation = session.Explain(Ship, order);

        var failure = explanation.FirstFailure.ShouldNotBeNull();
        // The customer's own country is an alpha term: it fails for every customer, so the join has nobody to pair with.
        (failure.Kind, failure.Declaration).ShouldBe((NodeKind.Selection, "customer"));
        var join = explanation.Nodes.Single(n => n.Kind == NodeKind.Join);
        (join.Outcome, join.Reached, join.Passed, join.Partner.Count).ShouldBe((NodeOutcome.NoPartner, 1, 0, 0));
        explanation.Matched.ShouldBeFalse();
    }

    [Fact]
    public void A_join_that_fails_names_the_term_and_the_partner_that_came_nearest()
    {
        var order = new Order("o1", "c9", 200);
        var customer = new Customer("c1", "NZ");
        var session = NewSession(order, customer);

        var explanation = session.Explain(Ship, order);

        var failure = explanation.FirstFailure.ShouldNotBeNull();
        (failure.Kind, failure.Outcome, failure.FailedCondition).ShouldBe((NodeKind.Join, NodeOutcome.Failed, "(customer.Id == order.Customer)"));
        var partner = failure.Partner.ShouldHaveSingleItem();
        (partner.Name, partner.Value).ShouldBe(("customer", (object)customer));
        explanation.Nodes[^1].Outcome.ShouldBe(NodeOutcome.NotReached);
    }

    [Fact]
    public void A_not_node_that_finds_a_matching_fact_blocks_and_names_it()
    {
        var order = new Order("o1", "c1", 200);
        var hold = new Hold("c1");
        var session = NewSession(order, new Customer("c1", "NZ"), hold, new Hold("c2"));

        var explanation = session.Explain(Ship, order);

        var not = explanation.FirstFailure.ShouldNotBeNull();
        (not.Kind, not.Outcome, not.Reached, not.Passed).ShouldBe((NodeKind.Not, NodeOutcome.Blocked, 1, 0));
        not.Partner.ShouldHaveSingleItem().Value.ShouldBeSameAs(hold);
        (explanation.Holds, explanation.Matched).ShouldBe((false, false));
    }

    [Fact]
    public void The_fact_a_rule_binds_first_need_not_be_the_one_explained()
    {
        var customer = new Customer("c1", "NZ");
        var session = NewSession(new Order("o1", "c1", 200), new Order("o2", "c1", 300), new Order("o3", "c2", 400), customer);

        var explanation = session.Explain(Ship, customer);

        // The orders come first in the chain; the customer joins two of the three large orders.
        var join = explanation.Nodes.Single(n => n.Kind == NodeKind.Join);
        (join.Reached, join.Passed, join.Outcome).ShouldBe((3, 2, NodeOutcome.Held));
        explanation.Nodes[^1].Passed.ShouldBe(2);
        explanation.Matched.ShouldBeTrue();
    }

    [Fact]
    public void An_aggregate_counts_what_it_aggregated_and_a_filter_on_its_result_can_fail()
    {
        var full = new Basket("b1");
        var empty = new Basket("b2");
        var session = NewSession(full, empty, new Item("b1", "apple"), new Item("b1", "pear"), new Item("b3", "plum"));
        var contents = new ContentsRule().GetDefinition().Id;

        var met = session.Explain(contents, full);
        var collect = met.Nodes.Single(n => n.Kind == NodeKind.Aggregate);
        (collect.Declaration, collect.Aggregated, collect.Passed, collect.Outcome).ShouldBe(("items", 2, 1, NodeOutcome.Held));
        (met.Holds, met.Matched).ShouldBe((true, true));

        var unmet = session.Explain(contents, empty);
        unmet.Nodes.Single(n => n.Kind == NodeKind.Aggregate).Aggregated.ShouldBe(0);
        var filter = unmet.FirstFailure.ShouldNotBeNull();
        (filter.Kind, filter.Outcome, filter.FailedCondition).ShouldBe((NodeKind.Filter, NodeOutcome.Failed, "(items.Count > 0)"));
        filter.Partner.Select(p => p.Name).ShouldBe(["basket", "items"]);
    }

    [Fact]
    public void An_exists_node_and_a_sum_with_a_filter_on_it_say_which_held()
    {
        var busy = new Customer("c1", "NZ");
        var quiet = new Customer("c2", "NZ");
        var idle = new Customer("c3", "NZ");
        var session = NewSession(busy, quiet, idle, new Order("o1", "c1", 200), new Order("o2", "c1", 150), new Order("o3", "c2", 120), new Order("o4", "c2", 20));
        var flag = new FlagBusyCustomersRule().GetDefinition().Id;

        var held = session.Explain(flag, busy);
        held.Nodes.Select(n => n.Kind).ShouldBe([
            NodeKind.Type, NodeKind.Type, NodeKind.Selection, NodeKind.Exists,
            NodeKind.Type, NodeKind.Aggregate, NodeKind.Filter, NodeKind.Terminal,
        ]);
        (held.Holds, held.Matched).ShouldBe((true, true));
        held.Nodes.Single(n => n.Kind == NodeKind.Aggregate).Aggregated.ShouldBe(2);

        var under = session.Explain(flag, quiet);
        under.FirstFailure.ShouldNotBeNull().ShouldSatisfyAllConditions(
            f => f.Kind.ShouldBe(NodeKind.Filter),
            f => f.Partner.Single(p => p.Name == "total").Value.ShouldBe(140));
        under.Matched.ShouldBeFalse();

        var none = session.Explain(flag, idle);
        var exists = none.FirstFailure.ShouldNotBeNull();
        (exists.Kind, exists.Outcome).ShouldBe((NodeKind.Exists, NodeOutcome.Failed));
        exists.FailedCondition.ShouldNotBeNull().ShouldEndWith(".Customer == customer.Id)");
        exists.Partner.ShouldHaveSingleItem().Value.ShouldBeOfType<Order>().Total.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void A_rule_alone_that_starts_with_a_group_by_counts_its_groups()
    {
        var session = NewSession(new Order("o1", "c1", 200), new Order("o2", "c1", 150), new Order("o3", "c2", 120));

        var explanation = session.Explain(new LargestPerCustomerRule().GetDefinition().Id);

        var aggregates = explanation.Nodes.Where(n => n.Kind == NodeKind.Aggregate).ToArray();
        aggregates.Select(a => (a.Passed, a.Aggregated)).ShouldBe([(2, 3), (2, 3)]);
        (explanation.Nodes[^1].Passed, explanation.Holds, explanation.Matched).ShouldBe((2, true, true));
        session.Fire();
        session.Query<Largest>().Select(l => l.Total).ShouldBe([200, 120], ignoreOrder: true);
    }

    [Fact]
    public void A_fact_not_in_working_memory_is_absent_and_the_rest_says_what_would_happen()
    {
        var session = NewSession(new Customer("c1", "NZ"));
        var order = new Order("o1", "c1", 200);

        var explanation = session.Explain(Ship, order);

        (explanation.InWorkingMemory, explanation.Matched, explanation.Holds).ShouldBe((false, false, true));
        explanation.Nodes[0].Outcome.ShouldBe(NodeOutcome.Absent);
        explanation.FirstFailure.ShouldBeNull();
    }

    [Fact]
    public void A_rule_alone_shows_the_first_node_nothing_passes()
    {
        var session = NewSession(new Order("o1", "c1", 200), new Order("o2", "c2", 20));

        var explanation = session.Explain(Ship);

        var failure = explanation.FirstFailure.ShouldNotBeNull();
        (failure.Kind, failure.Declaration, failure.Outcome).ShouldBe((NodeKind.Type, "customer", NodeOutcome.Failed));
        explanation.Nodes[1].Passed.ShouldBe(1);
        explanation.Matched.ShouldBeFalse();
    }

    [Fact]
    public void The_evaluation_agrees_with_the_networks_activations_as_facts_change()
    {
        var orders = Enumerable.Range(0, 12).Select(i => new Order($"o{i}", $"c{i % 4}", i * 30)).ToArray();
        var customers = Enumerable.Range(0, 4).Select(i => new Customer($"c{i}", i % 3 == 0 ? "AU" : "NZ")).ToArray();
        var hold = new Hold("c2");
        var session = NewSession([.. orders, .. customers, hold]);
        void Agree() => orders.ShouldAllBe(o => session.Explain(Ship, o).Holds == session.Explain(Ship, o).Matched);

        Agree();
        orders.Count(o => session.Explain(Ship, o).Matched).ShouldBeGreaterThan(0);
        session.Retract(hold);
        Agree();
        session.Retract(customers[1]);
        Agree();
    }

    [Fact]
    public void Asking_about_an_unknown_rule_or_a_fact_no_pattern_can_match_is_an_error()
    {
        var session = NewSession();

        Should.Throw<KeyNotFoundException>(() => session.Explain("no-such-rule"));
        Should.Throw<ArgumentException>(() => session.Explain(Ship, new Basket("b1")));
    }
}
