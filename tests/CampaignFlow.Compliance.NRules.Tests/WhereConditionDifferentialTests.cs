using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// A record that misses the plan's <c>where</c> (issue 18, item 8) on both engines: 绵阳's demo log with its second expert
/// lecture recorded as no expert's, or without the attribute (MY-32), judged along the campaign and at its end.
/// </summary>
public sealed class WhereConditionDifferentialTests
{
    private const string Log = "mianyang-ftu-2014";

    public static TheoryData<string> Scenarios() => ["not by an expert", "attribute not recorded"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Both_engines_agree_and_name_the_condition(string scenario)
    {
        var records = SeedLogs.Log(Log).Records
            .Select(r => r is ActivityRecord { Key: "lecture-expert-2" } lecture
                ? lecture with { Attributes = scenario == "not by an expert" ? new Dictionary<string, string> { ["byExpert"] = "false" } : new Dictionary<string, string>() }
                : r)
            .ToArray();

        foreach (var day in new[] { new DateOnly(2014, 6, 30), new DateOnly(2014, 9, 30) })
        {
            BothEngines.ShouldAgree(Log, records, BothEngines.StartOf(day.AddDays(1)), $"{scenario} up to {day:yyyy-MM-dd}");
        }

        var end = BothEngines.ShouldAgree(Log, records, null, $"{scenario} at the end");
        end.Violations.Single(v => v.RequirementId == "expert-lectures:count-in-window").Code.ShouldBe("count-too-few-where");
    }

    public static TheoryData<string> Places() => ["a trip to the federation's offices", "a trip to a place the plan does not know", "a trip naming no place"];

    // MY-17's where over the place a trip names (issue 18, item 6): 李明华's only trip not at a township, street or community.
    [Theory]
    [MemberData(nameof(Places))]
    public void Both_engines_judge_a_where_over_the_place_a_trip_names_alike(string scenario)
    {
        var records = SeedLogs.Log(Log).Records
            .Select(r => r is ActivityRecord { Key: "trip-li" } trip
                ? trip with
                {
                    Attributes = scenario switch
                    {
                        "a trip to the federation's offices" => new Dictionary<string, string> { ["place"] = "city-ftu-office" },
                        "a trip to a place the plan does not know" => new Dictionary<string, string> { ["place"] = "somewhere" },
                        _ => new Dictionary<string, string>(),
                    },
                }
                : r)
            .ToArray();

        foreach (var day in new[] { new DateOnly(2014, 4, 30), new DateOnly(2014, 9, 30) })
        {
            BothEngines.ShouldAgree(Log, records, BothEngines.StartOf(day.AddDays(1)), $"{scenario} up to {day:yyyy-MM-dd}");
        }

        var end = BothEngines.ShouldAgree(Log, records, null, $"{scenario} at the end");
        var trips = end.Violations.Single(v => v.RequirementId == "research-trip:count-in-window");
        (trips.Target, trips.Code).ShouldBe(("li-minghua", "count-none-where"));
    }
}
