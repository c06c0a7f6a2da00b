using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class GroupByTests
{
    public sealed class Visit(string city, int hours)
    {
        public string City { get; set; } = city;
        public int Hours { get; set; } = hours;
    }

    public sealed record CityHours(string City, int Hours);

    public sealed class CityHoursRule : Rule
    {
        protected override void Define()
        {
            IGrouping<string, Visit> city = null!;
            When()
                .GroupBy(() => city, (Visit v) => v.City)
                .Where(() => city.Sum(v => v.Hours) < 10);
            Then().Yield(_ => new CityHours(city.Key, city.Sum(v => v.Hours)));
        }
    }

    private static ISession NewSession() => RuleCompiler.Compile(new CityHoursRule().GetDefinition()).CreateSession();

    private static string Short(ISession session) =>
        string.Join(" ", session.Query<CityHours>().OrderBy(c => c.City).Select(c => $"{c.City}={c.Hours}"));

    [Fact]
    public void One_match_per_group()
    {
        var session = NewSession();
        session.InsertAll([new Visit("rome", 3), new Visit("rome", 4), new Visit("oslo", 2), new Visit("lima", 12)]);

        session.Fire().ShouldBe(2);
        Short(session).ShouldBe("oslo=2 rome=7");
    }

    [Fact]
    public void Groups_follow_insert_update_and_retract()
    {
        var session = NewSession();
        var visit = new Visit("rome", 3);
        var other = new Visit("rome", 4);
        session.InsertAll([visit, other]);
        session.Fire();

        session.Insert(new Visit("rome", 5));
        session.Fire();
        Short(session).ShouldBeEmpty("12 hours is no longer short");

        visit.City = "oslo";
        session.Update(visit);
        session.Fire();
        Short(session).ShouldBe("oslo=3 rome=9");

        other.Hours = 1;
        session.Update(other);
        session.Fire();
        Short(session).ShouldBe("oslo=3 rome=6");

        session.Retract(visit);
        session.Fire();
        Short(session).ShouldBe("rome=6");
    }

    public sealed record CityVisits(string? City, string Hours);

    public sealed class CityVisitsRule : Rule
    {
        protected override void Define()
        {
            IGrouping<string?, Visit> city = null!;
            When()
                .GroupBy(() => city, (Visit v) => (string?)v.City);
            Then().Yield(_ => new CityVisits(city.Key, string.Join(",", city.Select(v => v.Hours))));
        }
    }

    private static string Listed(ISession session) =>
        string.Join(" ", session.Query<CityVisits>().OrderBy(c => c.City ?? "~", StringComparer.Ordinal).Select(c => $"{c.City ?? "null"}={c.Hours}"));

    [Fact]
    public void A_null_key_is_a_group_of_its_own()
    {
        var session = RuleCompiler.Compile(new CityVisitsRule().GetDefinition()).CreateSession();
        session.InsertAll([new Visit(null!, 1), new Visit("rome", 2), new Visit(null!, 3)]);

        session.Fire();

        Listed(session).ShouldBe("rome=2 null=1,3");
    }

    [Fact]
    public void Members_keep_the_order_they_came_in_when_one_leaves()
    {
        var session = RuleCompiler.Compile(new CityVisitsRule().GetDefinition()).CreateSession();
        var visits = Enumerable.Range(1, 5).Select(h => new Visit("rome", h)).ToArray();
        foreach (var visit in visits)
        {
            session.Insert(visit);
        }

        session.Retract(visits[1]);
        session.Fire();

        Listed(session).ShouldBe("rome=1,3,4,5");
    }

    [Fact]
    public void An_emptied_group_is_withdrawn_and_the_next_fact_with_its_key_starts_a_new_one()
    {
        var session = RuleCompiler.Compile(new CityVisitsRule().GetDefinition()).CreateSession();
        var first = new Visit("oslo", 1);
        session.Insert(first);
        session.Fire();

        first.City = "rome";
        session.Update(first);
        session.Fire();
        Listed(session).ShouldBe("rome=1", "oslo emptied, so its match and what it yielded went");

        session.Insert(new Visit("oslo", 7));
        session.Fire();
        Listed(session).ShouldBe("oslo=7 rome=1");
    }
}
