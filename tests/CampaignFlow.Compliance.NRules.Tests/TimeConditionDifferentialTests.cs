using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.NRules.Tests;

/// <summary>
/// Records that exist but fail a time condition (issue 18, item 8) on both engines: 绵阳's demo log with its mobilisation
/// meeting (MY-06, due by 28 February) held late, with the evaluation (MY-07) before the meeting's deadline, and with
/// the late meeting entered again with its true date; judged along the campaign and at its end.
/// </summary>
public sealed class TimeConditionDifferentialTests
{
    private const string Log = "mianyang-ftu-2014";

    public static TheoryData<string> Scenarios() => ["meeting late", "evaluation before the meeting's deadline", "meeting corrected"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Both_engines_agree_and_report_the_late_meeting_once(string scenario)
    {
        var records = SeedLogs.Log(Log).Records.Select(r => r switch
        {
            ActivityRecord { Key: "mobilization" } meeting => meeting with { Day = new DateOnly(2014, 3, 10), LastDay = new DateOnly(2014, 3, 10) },
            ActivityRecord { Key: "evaluation" } evaluation when scenario == "evaluation before the meeting's deadline" =>
                evaluation with { Day = new DateOnly(2014, 2, 25), LastDay = new DateOnly(2014, 2, 25) },
            _ => r,
        }).ToList();
        if (scenario == "meeting corrected")
        {
            var meeting = (ActivityRecord)SeedLogs.Log(Log).Records.Single(r => r.Key == "mobilization");
            records.Add(meeting with { Key = "mobilization-corrected", Day = new DateOnly(2014, 2, 27), LastDay = new DateOnly(2014, 2, 27) });
        }

        foreach (var day in new[] { new DateOnly(2014, 3, 15), new DateOnly(2014, 6, 30) })
        {
            BothEngines.ShouldAgree(Log, records, BothEngines.StartOf(day.AddDays(1)), $"{scenario} up to {day:yyyy-MM-dd}");
        }

        var end = BothEngines.ShouldAgree(Log, records, null, $"{scenario} at the end");
        end.Violations.Count(v => v.RequirementId == "mobilization:deadline").ShouldBe(scenario == "meeting corrected" ? 0 : 1);
        end.Violations.Count(v => v.RequirementId.EndsWith(":order", StringComparison.Ordinal) && v.RequirementId != "democratic-evaluation:order").ShouldBe(0);
        end.Violations.Count(v => v.RequirementId == "democratic-evaluation:order").ShouldBe(scenario == "evaluation before the meeting's deadline" ? 1 : 0);
    }

    [Theory]
    [InlineData("2014-05-05")]
    [InlineData("2014-02-07")]
    public void Both_engines_agree_on_a_meeting_held_outside_its_phase(string day)
    {
        const string panyu = "panyu-ftu-2014";
        var held = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var records = SeedLogs.Log(panyu).Records
            .Select(r => r is ActivityRecord { Key: "mobilization" } meeting ? meeting with { Day = held, LastDay = held } : r).ToArray();

        foreach (var cut in new[] { new DateOnly(2014, 4, 30), new DateOnly(2014, 5, 5), new DateOnly(2014, 6, 30) })
        {
            BothEngines.ShouldAgree(panyu, records, BothEngines.StartOf(cut.AddDays(1)), $"meeting on {day} up to {cut:yyyy-MM-dd}");
        }

        BothEngines.ShouldAgree(panyu, records, null, $"meeting on {day} at the end")
            .Violations.Single(v => v.RequirementId == "mobilization:count-in-window").Code.ShouldBe("count-none-outside");
    }
}
