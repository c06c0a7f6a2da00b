using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

/// <summary>
/// Thousands of join keys coming and going in one session: indexes that grow, let go of emptied keys and reuse
/// their room, facts and tokens that change key on update, and a null key, checked against a plain computation.
/// </summary>
public class ManyKeysTests
{
    public sealed class Order(string? customer)
    {
        public string? Customer { get; set; } = customer;
    }

    public sealed class Payment(string? customer)
    {
        public string? Customer { get; set; } = customer;
    }

    /// <summary>A query (no actions): its matches are what is asserted.</summary>
    public sealed class UnpaidOrderRule : Rule
    {
        protected override void Define()
        {
            Order order = null!;
            When()
                .Match(() => order)
                .Not<Payment>(p => p.Customer == order.Customer);
        }
    }

    public sealed class PaidOrderRule : Rule
    {
        protected override void Define()
        {
            Order order = null!;
            Payment payment = null!;
            When()
                .Match(() => order)
                .Match(() => payment, p => p.Customer == order.Customer);
        }
    }

    [Fact]
    public void Matches_follow_keys_as_they_come_change_and_go()
    {
        var unpaid = new UnpaidOrderRule().GetDefinition();
        var paid = new PaidOrderRule().GetDefinition();
        var session = RuleCompiler.Compile([unpaid, paid]).CreateSession();
        var random = new Random(7);
        var orders = new List<Order>();
        var payments = new List<Payment>();
        string? Customer() => random.Next(50) == 0 ? null : $"c{random.Next(2000)}";

        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < 1000; i++)
            {
                var order = new Order(Customer());
                orders.Add(order);
                session.Insert(order);
                var payment = new Payment(Customer());
                payments.Add(payment);
                session.Insert(payment);
            }

            // Retract a third of each side, which empties keys; move a few to other keys, new or existing.
            foreach (var order in orders.Where((_, i) => i % 3 == round % 3).ToList())
            {
                session.Retract(order);
                orders.Remove(order);
            }

            foreach (var payment in payments.Where((_, i) => i % 3 == (round + 1) % 3).ToList())
            {
                session.Retract(payment);
                payments.Remove(payment);
            }

            foreach (var order in orders.Where((_, i) => i % 7 == 0))
            {
                order.Customer = Customer();
                session.Update(order);
            }

            foreach (var payment in payments.Where((_, i) => i % 5 == 0))
            {
                payment.Customer = Customer();
                session.Update(payment);
            }

            var paidCount = orders.Sum(o => payments.Count(p => p.Customer == o.Customer));
            var unpaidCount = orders.Count(o => payments.All(p => p.Customer != o.Customer));
            session.Matches(paid.Id).Count.ShouldBe(paidCount);
            session.Matches(unpaid.Id).Count.ShouldBe(unpaidCount);
        }
    }
}
