using CampaignFlow.Compliance.Explaining;
using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// "Why did this (not) fire?" on 番禺区总工会's demo log: each week of PY-05 met, violated or pending, with the records
/// it rests on; a talk without criticism shown as not matching PY-17's <c>where</c>; the verdicts those of the rules.
/// </summary>
public sealed class ExplainTests
{
    private const string Panyu = "panyu-ftu-2014";
    private const string WeeklyStudy = "weekly-study:period-minimum";
    private static readonly DateTimeOffset MidMarch = new(2014, 3, 12, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_week_met_violated_and_pending_each_with_the_records_it_rests_on()
    {
        var explanation = RequirementExplainer.Explain(Seeds.Rules(Panyu), WeeklyStudy, Seeds.Log(Panyu).Records.ToArray(), MidMarch);

        explanation.StatementZh.ShouldBe("每周：集中学习不少于半天（4 小时）");

        var w09 = explanation.Periods.Single(p => p.Period == "2014-W09");
        w09.Status.ShouldBe("met");
        w09.Records.ShouldBe([new RecordCheck("study-2014-w09", new DateOnly(2014, 2, 28), "counted")]);

        var w10 = explanation.Periods.Single(p => p.Period == "2014-W10");
        w10.Status.ShouldBe("violated");
        var violation = w10.Violations.ShouldHaveSingleItem();
        violation.Evidence.Counted.ShouldBe(["study-2014-w10"]);
        violation.Id.ShouldBe("panyu-ftu/panyu-ftu-2014@1/weekly-study:period-minimum/2014-W10");
        violation.MessageZh.ShouldNotBeNullOrWhiteSpace();
        violation.MessageEn.ShouldNotBeNullOrWhiteSpace();
        w10.Records.Single().Counted.ShouldBeTrue();

        // 12 March is in week 11, which has not closed.
        var w11 = explanation.Periods.Single(p => p.Period == "2014-W11");
        (w11.Status, w11.Violations.Count, w11.Records.Count).ShouldBe(("pending", 0, 0));
        explanation.Periods.Where(p => p.End < new DateOnly(2014, 3, 10)).ShouldAllBe(p => p.Status != "pending");
    }

    [Fact]
    public void The_status_of_every_period_agrees_with_the_violations_of_the_rules()
    {
        var records = Seeds.Log(Panyu).Records.ToArray();
        var explanation = RequirementExplainer.Explain(Seeds.Rules(Panyu), WeeklyStudy, records);
        var violated = Seeds.Simulate(Panyu).Violations.Where(v => v.RequirementId == WeeklyStudy).Select(v => v.Period).ToArray();

        explanation.Periods.Where(p => p.Status == "violated").Select(p => p.Period).ShouldBe(violated);
        violated.ShouldBe(["2014-W10"]);
        explanation.Periods.ShouldNotContain(p => p.Status == "pending");
    }

    [Fact]
    public void A_talk_without_criticism_is_shown_as_not_matching_the_where_of_PY_17()
    {
        var talk = Verdicts.Record<ActivityRecord>(Panyu, "talk-su-chen");
        var records = Seeds.Log(Panyu).Records.Where(r => r.Key != talk.Key)
            .Append(talk with { Attributes = new Dictionary<string, string> { ["includesCriticism"] = "false" } }).ToArray();

        var explanation = RequirementExplainer.Explain(Seeds.Rules(Panyu), "mutual-talks:coverage", records);

        var window = explanation.Periods.ShouldHaveSingleItem();
        window.Status.ShouldBe("violated");
        window.Records.Single(r => r.Key == talk.Key).Outcome.ShouldBe("where-not-matched");
        // The other leaders' talks with criticism count; talks with department heads (PY-18) never matched this where.
        var criticised = records.OfType<ActivityRecord>().Where(r => r.Attributes.GetValueOrDefault("includesCriticism") == "true").Select(r => r.Key).ToHashSet();
        window.Records.Where(r => r.Counted).Select(r => r.Key).ShouldBe(window.Records.Select(r => r.Key).Where(criticised.Contains));
        criticised.Count.ShouldBe(8); // the demo log's nine talks with criticism (PY-17 planted one pair missing), less the one changed
    }

    [Fact]
    public void A_record_outside_every_period_is_named_as_such()
    {
        var early = new ActivityRecord("study-early", "panyu-ftu", new DateOnly(2014, 1, 20), "concentrated-study") { Hours = 4 };

        var explanation = RequirementExplainer.Explain(Seeds.Rules(Panyu), WeeklyStudy, [.. Seeds.Log(Panyu).Records, early]);

        explanation.OutsidePeriods.ShouldBe([new RecordCheck("study-early", new DateOnly(2014, 1, 20), "outside-periods")]);
    }

    [Fact]
    public void A_record_of_the_day_that_began_in_Beijing_counts_though_it_is_still_the_day_before_in_UTC()
    {
        // W10's study moved to Sunday 9 March; 01:00 on 10 March in Beijing is 17:00 on 9 March UTC.
        var study = Verdicts.Record<ActivityRecord>(Panyu, "study-2014-w10");
        var records = Seeds.Log(Panyu).Records.Where(r => r.Key != study.Key).Append(study with { Day = new DateOnly(2014, 3, 9), LastDay = new DateOnly(2014, 3, 9) }).ToArray();

        var explanation = RequirementExplainer.Explain(Seeds.Rules(Panyu), WeeklyStudy, records, new DateTimeOffset(2014, 3, 9, 17, 0, 0, TimeSpan.Zero));

        var w10 = explanation.Periods.Single(p => p.Period == "2014-W10");
        w10.Status.ShouldBe("violated");
        w10.Records.ShouldBe([new RecordCheck(study.Key, new DateOnly(2014, 3, 9), "counted")]);
    }

    [Fact]
    public void Each_ledger_item_past_its_deadline_is_its_own_violation_and_is_marked_on_its_record()
    {
        var plan = "guangxi-ftu-2013";
        var rules = Seeds.Rules(plan);
        var records = Seeds.Log(plan).Records.ToArray();
        var expected = Seeds.Simulate(plan).Violations.Where(v => v.RequirementId == "opinions-ledger:ledger").ToArray();
        expected.Length.ShouldBeGreaterThan(1);

        var explanation = RequirementExplainer.Explain(rules, "opinions-ledger:ledger", records);

        var found = explanation.Periods.SelectMany(p => p.Violations).ToArray();
        found.Select(v => v.Id).ShouldBe(expected.Select(v => v.Id), ignoreOrder: true);
        var marked = explanation.Periods.SelectMany(p => p.Records).Where(r => r.Outcome == "violated").Select(r => r.Key);
        marked.ShouldBe(expected.Select(v => v.Record!), ignoreOrder: true);
    }

    [Fact]
    public void A_leaders_self_examination_counts_for_that_leader_only()
    {
        var explanation = RequirementExplainer.Explain(Seeds.Rules(Panyu), "self-examination:approval-gate", Seeds.Log(Panyu).Records.ToArray());

        foreach (var period in explanation.Periods)
        {
            var counted = period.Records.Where(r => r.Counted).ToArray();
            counted.Length.ShouldBeLessThanOrEqualTo(1, $"{period.Target}: {string.Join(", ", counted.Select(r => r.Key))}");
            period.Records.Count(r => r.Outcome == "other-target").ShouldBe(period.Records.Count - counted.Length);
        }

        explanation.Periods.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void An_unknown_requirement_is_refused()
    {
        Should.Throw<KeyNotFoundException>(() => RequirementExplainer.Explain(Seeds.Rules(Panyu), "no-such:thing", []));
    }
}
