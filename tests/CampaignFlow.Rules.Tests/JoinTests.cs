using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class JoinTests
{
    public sealed class Customer(string id, bool preferred)
    {
        public string Id { get; set; } = id;
        public bool Preferred { get; set; } = preferred;
    }

    public sealed class Order(string customerId, decimal total)
    {
        public string CustomerId { get; set; } = customerId;
        public decimal Total { get; set; } = total;
    }

    public sealed record Discount(Customer Customer, Order Order);

    public sealed class DiscountRule : Rule
    {
        protected override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When()
                .Match(() => customer, c => c.Preferred)
                .Match(() => order, o => o.CustomerId == customer.Id, o => o.Total > 100m);
            Then().Yield(_ => new Discount(customer, order));
        }
    }

    private static ISession NewSession() => RuleCompiler.Compile(new DiscountRule().GetDefinition()).CreateSession();

    [Fact]
    public void Join_on_a_bound_variable_goes_through_a_hash_index()
    {
        var factory = RuleCompiler.Compile(new DiscountRule().GetDefinition());

        var join = factory.Network.Nodes.Where(n => n.Kind == NodeKind.Join).ToList();
        join.Count.ShouldBe(2);
        join.Count(n => n.IsIndexed).ShouldBe(1, "the second pattern joins on customer id");
    }

    /// <summary>
    /// Orders are the join's right side: a node finds an order's row again only when the order changes or goes, through
    /// an index it builds then. Many orders inserted first, then moved between customers, dropped and added while
    /// others change, must give the matches a fresh session of the same facts gives.
    /// </summary>
    [Fact]
    public void Orders_that_change_and_go_after_many_inserts_match_as_in_a_fresh_session()
    {
        var session = NewSession();
        var customers = Enumerable.Range(0, 10).Select(i => new Customer($"c{i}", true)).ToList();
        var orders = Enumerable.Range(0, 200).Select(i => new Order($"c{i % 10}", 101m + i)).ToList();
        foreach (var fact in customers.Cast<object>().Concat(orders))
        {
            session.Insert(fact);
        }

        for (var i = 0; i < orders.Count; i += 3)
        {
            orders[i].CustomerId = $"c{(i + 1) % 10}";
            session.Update(orders[i]);
        }

        for (var i = 1; i < orders.Count; i += 4)
        {
            session.Retract(orders[i]);
        }

        var late = Enumerable.Range(0, 30).Select(i => new Order($"c{i % 7}", 120m)).ToList();
        foreach (var order in late)
        {
            session.Insert(order);
        }

        for (var i = 2; i < orders.Count; i += 5)
        {
            if (i % 4 != 1)
            {
                orders[i].Total = 50m;
                session.Update(orders[i]);
            }
        }

        var live = orders.Where((_, i) => i % 4 != 1).Concat(late).ToList();
        var fresh = NewSession();
        fresh.InsertAll([.. customers, .. live]);
        Pairs(session).ShouldBe(Pairs(fresh), ignoreOrder: true);
        Pairs(session).Count.ShouldBe(live.Count(o => o.Total > 100m));
    }

    private static List<(Customer, Order)> Pairs(ISession session) =>
        session.Matches(new DiscountRule().GetDefinition().Id).Select(m => ((Customer)m.Facts[0].Value, (Order)m.Facts[1].Value)).ToList();

    [Fact]
    public void Only_facts_with_the_same_key_are_joined()
    {
        var session = NewSession();
        var alice = new Customer("alice", true);
        var bob = new Customer("bob", true);
        session.InsertAll([alice, bob, new Order("alice", 150m), new Order("bob", 50m), new Order("carol", 500m)]);

        session.Fire().ShouldBe(1);
        var discount = session.Query<Discount>().ShouldHaveSingleItem();
        discount.Customer.ShouldBe(alice);
    }

    [Fact]
    public void Changing_the_key_of_a_fact_moves_it_to_the_other_partner()
    {
        var session = NewSession();
        var alice = new Customer("alice", true);
        var bob = new Customer("bob", true);
        var order = new Order("alice", 150m);
        session.InsertAll([alice, bob, order]);
        session.Fire();

        order.CustomerId = "bob";
        session.Update(order);
        session.Fire();

        session.Query<Discount>().ShouldHaveSingleItem().Customer.ShouldBe(bob);
    }

    [Fact]
    public void Changing_the_key_on_the_left_side_rejoins()
    {
        var session = NewSession();
        var customer = new Customer("alice", true);
        session.InsertAll([customer, new Order("bob", 150m)]);
        session.Fire().ShouldBe(0);

        customer.Id = "bob";
        session.Update(customer);

        session.Fire().ShouldBe(1);
    }

    [Fact]
    public void Retracting_either_side_removes_the_match()
    {
        var session = NewSession();
        var customer = new Customer("alice", true);
        var order = new Order("alice", 150m);
        session.InsertAll([customer, order]);
        session.PendingActivations.ShouldBe(1);

        session.Retract(order);
        session.PendingActivations.ShouldBe(0);

        session.Insert(order);
        session.Fire();
        session.Query<Discount>().Count().ShouldBe(1);
        session.Retract(customer);
        session.Query<Discount>().ShouldBeEmpty();
    }

    [Fact]
    public void Failing_alpha_condition_after_update_withdraws_the_match()
    {
        var session = NewSession();
        var customer = new Customer("alice", true);
        session.InsertAll([customer, new Order("alice", 150m)]);
        session.PendingActivations.ShouldBe(1);

        customer.Preferred = false;
        session.Update(customer);

        session.PendingActivations.ShouldBe(0);
    }
}
