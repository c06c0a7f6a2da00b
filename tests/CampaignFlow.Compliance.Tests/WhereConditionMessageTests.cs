using System.Globalization;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Sessions;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A record that exists but misses the plan's <c>where</c> (issue 18, item 8), on 绵阳's 邀请专家做2次以上专题辅导报告
/// (MY-32, <c>where: { byExpert: true }</c>) and its demo log: the violation names the condition and what each lecture
/// recorded instead, in one violation, rather than saying only that too few were held.
/// </summary>
public sealed class WhereConditionMessageTests
{
    private const string Mianyang = "mianyang-ftu-2014";
    private const string Expert = "expert-lectures:count-in-window";
    private static readonly CultureInfo Chinese = new("zh-CN");

    // The demo's second expert lecture, recorded without the expert: the mistake of the scenario.
    private static ActivityRecord NotByExpert()
    {
        var lecture = (ActivityRecord)Seeds.Log(Mianyang).Records.Single(r => r.Key == "lecture-expert-2");
        return lecture with { Attributes = new Dictionary<string, string>(lecture.Attributes) { ["byExpert"] = "false" } };
    }

    [Fact]
    public void Two_lectures_by_experts_are_met()
    {
        Seeds.Simulate(Mianyang).Violations.ShouldNotContain(v => v.RequirementId == Expert);
    }

    [Fact]
    public void A_lecture_recorded_without_the_expert_is_named_with_the_condition_it_missed()
    {
        var result = Seeds.Simulate(Mianyang, without: r => r.Key == "lecture-expert-2", with: [NotByExpert()]);

        var violation = result.Violations.Where(v => v.RequirementId == Expert).ShouldHaveSingleItem();
        violation.Code.ShouldBe("count-too-few-where");
        violation.Evidence.Counted.ShouldBe(["lecture-expert-1"]);
        violation.Evidence.Missing.ShouldContain("lecture-expert-2（2014-05-08）byExpert: false");
        // The five leaders' own lectures are no experts' either: six in all, each shown.
        violation.Evidence.Missing.Count.ShouldBe(6);
        violation.Message(Chinese).ShouldStartWith("2014年2月21日至2014年9月20日符合条件（byExpert: true）的辅导报告 1 次，要求 ≥ 2 次；不符合条件的 6 次：lecture-zhang（2014年3月18日）byExpert: false、");
        violation.Message(Chinese).ShouldEndWith("、lecture-expert-2（2014年5月8日）byExpert: false");
        violation.Message(CultureInfo.InvariantCulture).ShouldContain("meeting byExpert: true");
    }

    [Fact]
    public void A_lecture_without_the_attribute_at_all_says_it_was_not_recorded()
    {
        var lecture = NotByExpert() with { Attributes = new Dictionary<string, string>() };

        var violation = Seeds.Simulate(Mianyang, without: r => r.Key == "lecture-expert-2", with: [lecture]).Violations.Single(v => v.RequirementId == Expert);

        violation.Evidence.Missing.ShouldContain("lecture-expert-2（2014-05-08）byExpert: ∅");
    }

    [Fact]
    public void An_expert_lecture_entered_late_resolves_it()
    {
        var unit = new UnitCompliance(Seeds.Rules(Mianyang), "mianyang-ftu");
        foreach (var record in Seeds.Log(Mianyang).Records.Where(r => r.Key != "lecture-expert-2").Append(NotByExpert()))
        {
            unit.Record(record);
        }

        unit.AdvanceTo(new DateTimeOffset(2014, 9, 22, 9, 0, 0, TimeSpan.FromHours(8)));
        var open = unit.Violations.Single(v => v.RequirementId == Expert);
        open.Code.ShouldBe("count-too-few-where");

        unit.Record(NotByExpert() with { Key = "lecture-expert-3", Attributes = new Dictionary<string, string> { ["byExpert"] = "true" } }).ShouldBeTrue();

        unit.Violations.ShouldNotContain(v => v.RequirementId == Expert);
        unit.History.Where(h => h.Violation.Id == open.Id).Select(h => h.Kind).ShouldBe([ViolationChangeKind.Opened, ViolationChangeKind.Resolved]);
    }
}
