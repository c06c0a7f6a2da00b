using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class CollectTests
{
    public sealed record Basket(string Id);

    public sealed class Item(string basket, string name)
    {
        public string Basket { get; set; } = basket;
        public string Name { get; } = name;
    }

    public sealed record Contents(string Basket, string Names);

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
            Then().Yield(_ => new Contents(basket.Id, string.Join(",", items.Select(i => i.Name).Order())));
        }
    }

    [Fact]
    public void Collect_follows_insert_update_and_retract()
    {
        var session = RuleCompiler.Compile(new ContentsRule().GetDefinition()).CreateSession();
        var apple = new Item("b1", "apple");
        var pear = new Item("b1", "pear");
        session.InsertAll([new Basket("b1"), apple, pear, new Item("b2", "plum")]);
        session.Fire();
        session.Query<Contents>().Single().Names.ShouldBe("apple,pear");

        pear.Basket = "b2";
        session.Update(pear);
        session.Fire();
        session.Query<Contents>().Single().Names.ShouldBe("apple");

        session.Retract(apple);
        session.Fire();
        session.Query<Contents>().ShouldBeEmpty();

        session.Insert(new Item("b1", "fig"));
        session.Fire();
        session.Query<Contents>().Single().Names.ShouldBe("fig");
    }
}
