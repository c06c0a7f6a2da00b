using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class NodeSharingTests
{
    public sealed record Invoice(string Customer, decimal Amount, bool Paid);

    public sealed record Customer(string Id);

    public sealed class Unpaid : Rule
    {
        protected override void Define()
        {
            Invoice invoice = null!;
            When().Match(() => invoice, i => !i.Paid);
            Then().Do(_ => Console.WriteLine(invoice));
        }
    }

    /// <summary>Same first pattern as <see cref="Unpaid"/> with other variable names, plus a join.</summary>
    public sealed class UnpaidOfKnownCustomer : Rule
    {
        protected override void Define()
        {
            Invoice bill = null!;
            Customer customer = null!;
            When()
                .Match(() => bill, x => !x.Paid)
                .Match(() => customer, c => c.Id == bill.Customer);
            Then().Do(_ => Console.WriteLine(customer));
        }
    }

    /// <summary>Same two patterns as <see cref="UnpaidOfKnownCustomer"/>, plus a condition on the amount.</summary>
    public sealed class LargeUnpaidOfKnownCustomer : Rule
    {
        protected override void Define()
        {
            Invoice invoice = null!;
            Customer customer = null!;
            var limit = 1000m;
            When()
                .Match(() => invoice, i => !i.Paid)
                .Match(() => customer, c => c.Id == invoice.Customer)
                .Where(() => invoice.Amount > limit);
            Then().Do(_ => Console.WriteLine(customer));
        }
    }

    [Fact]
    public void Rules_with_common_conditions_share_nodes()
    {
        var alone = RuleCompiler.Compile(new Unpaid().GetDefinition()).Network;
        var together = RuleCompiler.Compile(
            new Unpaid().GetDefinition(),
            new UnpaidOfKnownCustomer().GetDefinition(),
            new LargeUnpaidOfKnownCustomer().GetDefinition()).Network;

        alone.CountOf(NodeKind.Selection).ShouldBe(1);
        together.CountOf(NodeKind.Type).ShouldBe(2, "one per fact type");
        together.CountOf(NodeKind.Selection).ShouldBe(1, "!Paid is tested once for all three rules");
        together.CountOf(NodeKind.AlphaMemory).ShouldBe(2);
        together.CountOf(NodeKind.Join).ShouldBe(2, "the invoice join and the customer join are shared");
        together.CountOf(NodeKind.Filter).ShouldBe(1);
        together.CountOf(NodeKind.Terminal).ShouldBe(3);

        var selection = together.Nodes.Single(n => n.Kind == NodeKind.Selection);
        selection.RuleIds.Count.ShouldBe(3);
        together.Nodes.Single(n => n.Kind == NodeKind.Join && n.IsIndexed).RuleIds.Count.ShouldBe(2);
    }

    [Fact]
    public void Shared_nodes_still_activate_each_rule()
    {
        var session = RuleCompiler.Compile(
            new Unpaid().GetDefinition(),
            new UnpaidOfKnownCustomer().GetDefinition(),
            new LargeUnpaidOfKnownCustomer().GetDefinition()).CreateSession();

        session.InsertAll([new Customer("c"), new Invoice("c", 5000m, false), new Invoice("c", 10m, false), new Invoice("c", 10m, true)]);

        session.PendingActivations.ShouldBe(2 + 2 + 1);
    }
}
