using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

/// <summary>
/// InsertAll takes facts as one batch: the same matches as inserting them one by one, but a partial match that
/// many of the facts change settles once.
/// </summary>
public class BatchInsertTests
{
    public sealed record Visit(string City, int Hours);

    public sealed record Closed(string City);

    public sealed record Short(string City);

    public sealed record Unvisited(string City);

    [Id("short")]
    public sealed class ShortStayRule : Rule
    {
        protected override void Define()
        {
            IGrouping<string, Visit> city = null!;
            Closed closed = null!;
            When()
                .GroupBy(() => city, (Visit v) => v.City)
                .Match(() => closed, c => c.City == city.Key)
                .Where(() => city.Sum(v => v.Hours) < 10);
            Then().Yield(_ => new Short(closed.City));
        }
    }

    [Id("unvisited")]
    public sealed class UnvisitedRule : Rule
    {
        protected override void Define()
        {
            Closed closed = null!;
            When()
                .Match(() => closed)
                .Not<Visit>(v => v.City == closed.City);
            Then().Yield(_ => new Unvisited(closed.City));
        }
    }

    private static ISession NewSession() =>
        RuleCompiler.Compile([new ShortStayRule().GetDefinition(), new UnvisitedRule().GetDefinition()]).CreateSession();

    private static object[] Facts() =>
    [
        new Closed("rome"), new Visit("rome", 3), new Visit("rome", 4), new Closed("oslo"), new Visit("oslo", 12),
        new Closed("lima"), new Visit("kiev", 1), new Visit("rome", 1), new Closed("kiev"),
    ];

    private static string Found(ISession session) =>
        string.Join(" ", session.Query<Short>().Select(s => $"short:{s.City}").Concat(session.Query<Unvisited>().Select(u => $"unvisited:{u.City}")).Order());

    [Fact]
    public void A_batch_matches_as_inserting_one_by_one_does()
    {
        var oneByOne = NewSession();
        foreach (var fact in Facts())
        {
            oneByOne.Insert(fact);
        }

        var batch = NewSession();
        batch.InsertAll(Facts());

        oneByOne.Fire().ShouldBe(3);
        batch.Fire().ShouldBe(3);
        Found(batch).ShouldBe("short:kiev short:rome unvisited:lima");
        Found(batch).ShouldBe(Found(oneByOne));
    }

    [Fact]
    public void A_match_that_many_facts_of_a_batch_change_is_created_once_and_never_withdrawn()
    {
        var session = NewSession();
        var log = new List<string>();
        session.Events.ActivationCreated += (_, e) => log.Add($"created {e.Match.Rule.Id}");
        session.Events.ActivationUpdated += (_, e) => log.Add($"updated {e.Match.Rule.Id}");
        session.Events.ActivationDeleted += (_, e) => log.Add($"deleted {e.Match.Rule.Id}");

        // One by one, the closed week would first be unvisited, then the group would be passed on once per visit.
        session.InsertAll([new Closed("rome"), new Visit("rome", 3), new Visit("rome", 4), new Visit("rome", 1)]);

        log.ShouldBe(["created short"]);
    }

    [Fact]
    public void Facts_are_reported_inserted_in_order_once_the_batch_is_matched()
    {
        var session = NewSession();
        var log = new List<string>();
        session.Events.FactInserted += (_, e) => log.Add($"inserted {e.Fact}");
        session.Events.ActivationCreated += (_, e) => log.Add($"created {e.Match.Rule.Id}");

        session.InsertAll([new Closed("lima"), new Visit("rome", 2)]);

        log.ShouldBe(["created unvisited", "inserted Closed { City = lima }", "inserted Visit { City = rome, Hours = 2 }"]);
    }

    [Fact]
    public void A_fact_already_inserted_stops_the_batch_after_the_facts_before_it()
    {
        var session = NewSession();
        var rome = new Closed("rome");
        var lima = new Closed("lima");
        session.Insert(rome);

        Should.Throw<InvalidOperationException>(() => session.InsertAll([lima, rome, new Closed("oslo")]));

        session.Query<Closed>().Select(c => c.City).Order().ShouldBe(["lima", "rome"]);
        session.Fire().ShouldBe(2);
        session.Query<Unvisited>().Select(u => u.City).Order().ShouldBe(["lima", "rome"]);
    }

    [Fact]
    public void The_same_fact_twice_in_a_batch_is_refused_the_second_time()
    {
        var session = NewSession();
        var visit = new Visit("rome", 3);

        Should.Throw<InvalidOperationException>(() => session.InsertAll([visit, new Closed("rome"), visit]));

        session.Fire().ShouldBe(1);
        session.Query<Short>().ShouldHaveSingleItem().City.ShouldBe("rome");
    }
}
