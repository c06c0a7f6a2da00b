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
}
