using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class SumTests
{
    public sealed record Account(string Id);

    public sealed class Entry(string account, decimal amount)
    {
        public string Account { get; set; } = account;
        public decimal Amount { get; set; } = amount;
    }

    public sealed record Balance(string Account, decimal Total);

    public sealed record Overdrawn(string Account);

    public sealed class BalanceRule : Rule
    {
        protected override void Define()
        {
            Account account = null!;
            decimal total = 0;
            When()
                .Match(() => account)
                .Sum(() => total, (Entry e) => e.Amount, e => e.Account == account.Id);
            Then().Yield(_ => new Balance(account.Id, total));
        }
    }

    public sealed class OverdrawnRule : Rule
    {
        protected override void Define()
        {
            Account account = null!;
            decimal total = 0;
            When()
                .Match(() => account)
                .Sum(() => total, (Entry e) => e.Amount, e => e.Account == account.Id)
                .Where(() => total < 0m);
            Then().Yield(_ => new Overdrawn(account.Id));
        }
    }

    private static ISession NewSession() =>
        RuleCompiler.Compile(new BalanceRule().GetDefinition(), new OverdrawnRule().GetDefinition()).CreateSession();

    [Fact]
    public void Sum_is_zero_without_facts_and_grows_on_insert()
    {
        var session = NewSession();
        session.Insert(new Account("a"));
        session.Fire();
        session.Query<Balance>().Single().Total.ShouldBe(0m);

        session.InsertAll([new Entry("a", 10m), new Entry("a", 5m), new Entry("b", 100m)]);
        session.Fire();

        session.Query<Balance>().Single().Total.ShouldBe(15m);
    }

    [Fact]
    public void Sum_follows_updates_and_retractions()
    {
        var session = NewSession();
        var big = new Entry("a", 10m);
        var small = new Entry("a", 5m);
        session.InsertAll([new Account("a"), big, small]);
        session.Fire();

        big.Amount = 20m;
        session.Update(big);
        session.Fire();
        session.Query<Balance>().Single().Total.ShouldBe(25m);

        session.Retract(small);
        session.Fire();
        session.Query<Balance>().Single().Total.ShouldBe(20m);

        big.Account = "b";
        session.Update(big);
        session.Fire();
        session.Query<Balance>().Single().Total.ShouldBe(0m);
    }

    [Fact]
    public void Condition_on_the_sum_turns_true_and_false()
    {
        var session = NewSession();
        var debit = new Entry("a", -50m);
        session.InsertAll([new Account("a"), new Entry("a", 20m)]);
        session.Fire();
        session.Query<Overdrawn>().ShouldBeEmpty();

        session.Insert(debit);
        session.Fire();
        session.Query<Overdrawn>().ShouldHaveSingleItem();

        debit.Amount = -10m;
        session.Update(debit);
        session.Fire();
        session.Query<Overdrawn>().ShouldBeEmpty();
    }
}
