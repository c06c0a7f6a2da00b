using System.Globalization;
using CampaignFlow.Compliance.Explaining;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;
using static CampaignFlow.Compliance.Tests.Verdicts;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A <c>where</c> over what a record names (issue 18, item 6) on 绵阳's plan and demo log: MY-17's research trips count
/// only at a township, street or community of the plan's places (深入基层). Met by the demo log; violated by a leader
/// whose only trip went to the federation's own offices, with the violation, the explanation and <c>simulate</c>
/// naming the part of the condition that failed; resolved by a trip to a township entered late.
/// </summary>
public sealed class WherePredicateTests
{
    private const string Mianyang = "mianyang-ftu-2014";
    private const string Trips = "research-trip:count-in-window";
    private static readonly CultureInfo Chinese = new("zh-CN");

    // 李明华's trip recorded as to the federation's own offices: held, but not 基层.
    private static ActivityRecord AtTheOffice() =>
        Record<ActivityRecord>(Mianyang, "trip-li") with { Attributes = new Dictionary<string, string> { ["place"] = "city-ftu-office" } };

    [Fact]
    public void MY_17_trips_to_each_leaders_township_street_or_community_are_met()
    {
        Met(Mianyang, Trips);
        Seeds.Log(Mianyang).Records.OfType<ActivityRecord>().Where(a => a.Kind == "research-trip").Select(a => a.Attributes["place"]).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void MY_17_a_trip_to_the_federations_own_offices_is_named_with_the_part_of_the_condition_it_failed()
    {
        var violation = Single(Mianyang, Trips, without: r => r.Key == "trip-li", with: [AtTheOffice()]);

        (violation.Target, violation.Code).ShouldBe(("li-minghua", "count-none-where"));
        violation.Evidence.Missing.ShouldBe(["trip-li（2014-04-21）place: city-ftu-office → any(kind: township ≠ organ | kind: street ≠ organ | kind: community ≠ organ)"]);
        violation.Message(Chinese).ShouldBe(
            "李明华：2014年2月21日至2014年9月20日未记录符合条件（place(any(kind: township | kind: street | kind: community))）的深入基层调研；要求 ≥ 1 次；"
            + "不符合条件的 1 次：trip-li（2014年4月21日）place: city-ftu-office → any(kind: township ≠ organ | kind: street ≠ organ | kind: community ≠ organ)");

        // The trip is not a trip of MY-17 at all, so neither is it one a report can follow (MY-18): one mistake, said where it is.
        Met(Mianyang, "research-trip:minimum-duration", without: r => r.Key is "trip-li" or "trip-liu", with: [AtTheOffice(), Record<ActivityRecord>(Mianyang, "trip-liu") with { Hours = 16m }]);
    }

    [Fact]
    public void MY_17_a_trip_to_a_place_the_plan_does_not_know_or_to_none_counts_nowhere()
    {
        var unknown = Single(Mianyang, Trips, without: r => r.Key == "trip-li", with: [AtTheOffice() with { Attributes = new Dictionary<string, string> { ["place"] = "somewhere" } }]);
        unknown.Evidence.Missing.ShouldBe(["trip-li（2014-04-21）place: somewhere → ∅ (place(any(kind: township | kind: street | kind: community)))"]);

        var none = Single(Mianyang, Trips, without: r => r.Key == "trip-li", with: [AtTheOffice() with { Attributes = new Dictionary<string, string>() }]);
        none.Evidence.Missing.ShouldBe(["trip-li（2014-04-21）place: ∅ → ∅ (place(any(kind: township | kind: street | kind: community)))"]);
    }

    [Fact]
    public void MY_17_a_trip_to_a_township_entered_late_resolves_it()
    {
        var unit = new UnitCompliance(Seeds.Rules(Mianyang), "mianyang-ftu");
        unit.Record(Seeds.Log(Mianyang).Records.Where(r => r.Key != "trip-li").Append(AtTheOffice()));
        unit.AdvanceTo(new DateTimeOffset(2014, 9, 22, 9, 0, 0, TimeSpan.FromHours(8)));
        var open = unit.Violations.Single(v => v.RequirementId == Trips);

        unit.Record(AtTheOffice() with { Key = "trip-li-zhongxing", Attributes = new Dictionary<string, string> { ["place"] = "zhongxing-town" } }).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == Trips);
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }

    [Fact]
    public void Explain_names_the_part_a_trip_failed()
    {
        var records = Seeds.Log(Mianyang).Records.Where(r => r.Key != "trip-li").Append(AtTheOffice()).ToArray();

        var explanation = RequirementExplainer.Explain(Seeds.Rules(Mianyang), Trips, records);

        var li = explanation.Periods.Single(p => p.Target == "li-minghua");
        li.Status.ShouldBe("violated");
        var check = li.Records.Single(r => r.Key == "trip-li");
        (check.Outcome, check.Failed).ShouldBe(("where-not-matched", "place: city-ftu-office → any(kind: township ≠ organ | kind: street ≠ organ | kind: community ≠ organ)"));
        var zhang = explanation.Periods.Single(p => p.Target == "zhang-jianguo").Records.Single(r => r.Key == "trip-zhang");
        (zhang.Outcome, zhang.Failed).ShouldBe(("counted", null));
    }
}
