using CampaignFlow.Compliance.Sessions;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// History that explains (issue 17, item 4): a resolved step names the records that resolved it and the figures after
/// them, and a change names the records that changed it, on 番禺区总工会's demo log with week 10 left short.
/// </summary>
public class ResolutionHistoryTests
{
    private const string Panyu = "panyu-ftu-2014";
    private static readonly string[] Leaders = ["su-zhibang", "chen-huimin", "liu-xiaoguang", "wang-mandi", "wen-chengjun"];
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public void A_late_record_that_meets_the_week_is_named_with_the_hours_after_it_not_the_opening_gap()
    {
        var (unit, open) = WeekTenOpen();

        unit.Record(Seeds.Activity(Panyu, "study-2014-w10-late-entry", "concentrated-study", "2014-03-08", 2m, Leaders)).ShouldBeTrue();

        var resolved = unit.History.Last(h => h.Violation.Id == open.Id);
        resolved.Kind.ShouldBe(ViolationChangeKind.Resolved);
        resolved.Records.ShouldBe(["study-2014-w10-late-entry"]);
        resolved.Evidence.Actual.ShouldBe("4 h");
        resolved.Evidence.Required.ShouldBe("4 h");
        resolved.Evidence.Counted.ShouldContain("study-2014-w10-late-entry");
        resolved.Evidence.Counted.ShouldBe(open.Evidence.Counted.Append("study-2014-w10-late-entry").Order(StringComparer.Ordinal), ignoreOrder: true);
        resolved.Violation.Evidence.Actual.ShouldBe("2 h", "the violation as it stood is kept beside the figures after");
        unit.LastChangeOf(open.Id).ShouldBeSameAs(resolved);
    }

    [Fact]
    public void Records_of_one_batch_that_do_not_bear_on_the_violation_are_not_named()
    {
        var (unit, open) = WeekTenOpen();

        unit.Record([
            Seeds.Activity(Panyu, "study-2014-w11-extra", "concentrated-study", "2014-03-12", 2m, Leaders),
            Seeds.Activity(Panyu, "study-2014-w10-late-entry", "concentrated-study", "2014-03-08", 2m, Leaders),
        ]).ShouldBe(2);

        unit.History.Last(h => h.Violation.Id == open.Id).Records.ShouldBe(["study-2014-w10-late-entry"], "week 11's study is another period's");
    }

    [Fact]
    public void A_late_record_that_does_not_meet_the_week_is_a_change_naming_it_with_the_new_hours()
    {
        var (unit, open) = WeekTenOpen();

        unit.Record(Seeds.Activity(Panyu, "study-2014-w10-hour", "concentrated-study", "2014-03-08", 1m, Leaders)).ShouldBeTrue();

        var changed = unit.History.Last(h => h.Violation.Id == open.Id);
        changed.Kind.ShouldBe(ViolationChangeKind.Changed);
        changed.Records.ShouldBe(["study-2014-w10-hour"]);
        changed.Evidence.Actual.ShouldBe("3 h");
        unit.History.First(h => h.Violation.Id == open.Id).Records.ShouldBeEmpty("an opening is a period's closing, not a record's doing");
    }

    private static (UnitCompliance Unit, Violations.Violation Open) WeekTenOpen()
    {
        var unit = new UnitCompliance(Seeds.Rules(Panyu), "panyu-ftu");
        unit.Record(Seeds.Log(Panyu).Records.Where(r => r.Day < new DateOnly(2014, 3, 20)));
        unit.AdvanceTo(new DateTimeOffset(2014, 3, 21, 9, 0, 0, China));
        var open = unit.Violations.Single(v => v.RequirementId == "weekly-study:period-minimum");
        open.Period.ShouldBe("2014-W10");
        open.Evidence.Actual.ShouldBe("2 h");
        return (unit, open);
    }
}
