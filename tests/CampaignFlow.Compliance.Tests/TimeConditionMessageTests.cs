using System.Globalization;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;
using static CampaignFlow.Compliance.Tests.Verdicts;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A record that exists but fails a time condition (issue 18, item 8) says which condition and by how much, and one
/// mistake gives one violation: 绵阳's mobilisation meeting (MY-06, due by 28 February) held late does not also make
/// the evaluation and the branches' study meetings that follow it in the plan (MY-07, MY-08) out of order.
/// </summary>
public sealed class TimeConditionMessageTests
{
    private const string Mianyang = "mianyang-ftu-2014";
    private const string Panyu = "panyu-ftu-2014";
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void A_late_mobilisation_meeting_is_one_violation_not_one_for_each_action_after_it()
    {
        var demo = Seeds.Simulate(Mianyang).Violations.Select(v => v.Id).ToArray();

        // Held on 10 March instead of the demo's 3 March: after the evaluation (3 March) and the branches' meetings (5, 6 March).
        var late = Seeds.Simulate(Mianyang, without: r => r.Key == "mobilization", with: [Moved(Mianyang, "mobilization", "2014-03-10") with { Time = new TimeOnly(9, 0) }]).Violations;

        late.Select(v => v.Id).ShouldBe(demo, ignoreOrder: true);
        var root = late.Single(v => v.RequirementId == "mobilization:deadline");
        root.Message(Chinese).ShouldBe("动员大会于2014年3月10日进行，晚于2014年2月28日的期限");
        late.ShouldNotContain(v => v.RequirementId == "democratic-evaluation:order" || v.RequirementId == "branch-study-meetings:order");
    }

    [Fact]
    public void An_action_held_before_the_late_meetings_deadline_is_still_out_of_order_with_the_meeting_named()
    {
        // The evaluation on 25 February came before the meeting's own deadline: that is a mistake of its own.
        var early = Single(Mianyang, "democratic-evaluation:order", without: r => r.Key is "mobilization" or "evaluation",
            with: [Moved(Mianyang, "mobilization", "2014-03-10") with { Time = new TimeOnly(9, 0) }, Moved(Mianyang, "evaluation", "2014-02-25")]);

        early.Code.ShouldBe("order-other-later");
        early.Evidence.Missing.ShouldBe(["mobilization: none before 2014-02-25"]);
        early.Message(Chinese).ShouldBe("民主评议于2014年2月25日进行，早于2014年3月10日 09:00的动员大会，方案要求在其后");
    }

    [Fact]
    public void The_late_meeting_entered_again_with_its_true_date_resolves_the_deadline_and_nothing_else_was_open()
    {
        var unit = new UnitCompliance(Seeds.Rules(Mianyang), "mianyang-ftu");
        var records = Seeds.Log(Mianyang).Records.Where(r => r.Key != "mobilization").Append(Moved(Mianyang, "mobilization", "2014-03-10")).ToArray();
        unit.Record(records);
        unit.AdvanceTo(new DateTimeOffset(2014, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)));
        var open = unit.Violations.Single(v => v.RequirementId == "mobilization:deadline");
        unit.Violations.ShouldNotContain(v => v.RequirementId.EndsWith(":order", StringComparison.Ordinal));

        // The meeting was really held on 27 February: a late record dated in time.
        unit.Record(Moved(Mianyang, "mobilization", "2014-02-27") with { Key = "mobilization-corrected" }).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == "mobilization:deadline");
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }

    [Fact]
    public void A_meeting_held_after_its_phase_says_when_and_how_late_not_that_none_was_recorded()
    {
        // PY-06: 番禺's mobilisation meeting belongs to the study phase (11 February to 30 April); held on 5 May.
        var late = Single(Panyu, "mobilization:count-in-window", without: r => r.Key == "mobilization", with: [Moved(Panyu, "mobilization", "2014-05-05")]);

        late.Code.ShouldBe("count-none-outside");
        late.Evidence.Missing.ShouldBe(["mobilization（2014-05-05, 5 d late）"]);
        late.Message(Chinese).ShouldBe("2014年2月11日至2014年4月30日未记录动员大会；要求 1 次；在此期间之外进行的 1 次：mobilization（2014年5月5日，晚 5 天）");

        // Before the phase: early, by how much.
        Single(Panyu, "mobilization:count-in-window", without: r => r.Key == "mobilization", with: [Moved(Panyu, "mobilization", "2014-02-07")])
            .Evidence.Missing.ShouldBe(["mobilization（2014-02-07, 4 d early）"]);
    }

    [Fact]
    public void A_late_record_dated_in_the_phase_resolves_the_meeting_held_outside_it()
    {
        var unit = new UnitCompliance(Seeds.Rules(Panyu), "panyu-ftu");
        unit.Record(Seeds.Log(Panyu).Records.Where(r => r.Key != "mobilization").Append(Moved(Panyu, "mobilization", "2014-05-05")).ToArray());
        unit.AdvanceTo(new DateTimeOffset(2014, 5, 10, 0, 0, 0, TimeSpan.FromHours(8)));
        var open = unit.Violations.Single(v => v.RequirementId == "mobilization:count-in-window");
        open.Code.ShouldBe("count-none-outside");

        unit.Record(Moved(Panyu, "mobilization", "2014-04-28") with { Key = "mobilization-in-phase" }).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == "mobilization:count-in-window");
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }
}
