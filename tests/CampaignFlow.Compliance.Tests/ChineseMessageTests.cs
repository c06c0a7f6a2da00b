using System.Globalization;
using CampaignFlow.Compliance.Timing;

namespace CampaignFlow.Compliance.Tests;

/// <summary>A Chinese reader gets Chinese sentences: periods, kinds and roles in words, ids only where they are keys.</summary>
public class ChineseMessageTests
{
    private static readonly CultureInfo Zh = new("zh-CN");

    [Theory]
    [InlineData("2014-W10", "2014年第10周")]
    [InlineData("2014-05", "2014年5月")]
    [InlineData("2013-Q4", "2013年第4季度")]
    [InlineData("2013", "2013年")]
    [InlineData("window", "规定时段")]
    [InlineData("campaign", "整个活动期间")]
    [InlineData("by 2014-02-28", "截至2014年2月28日")]
    [InlineData("due 2014-05-26", "限期至2014年5月26日")]
    [InlineData("something-else", "something-else")]
    public void Period_labels_read_as_Chinese_dates(string label, string chinese)
    {
        PeriodLabel.Format(label, Zh).ShouldBe(chinese);
        PeriodLabel.Format(label, CultureInfo.InvariantCulture).ShouldBe(label);
    }

    [Fact]
    public void A_short_study_week_names_the_week_in_Chinese_and_keeps_the_iso_label_in_its_id_PY_05()
    {
        var violation = Seeds.Simulate("panyu-ftu-2014").Violations.Single(v => v.RequirementId.StartsWith("weekly-study", StringComparison.Ordinal));
        violation.Period.ShouldBe("2014-W10");
        violation.Message(Zh).ShouldBe("2014年第10周集中学习 2 小时，少于要求的 4 小时（半天）");
        violation.Message(CultureInfo.InvariantCulture).ShouldStartWith("2014-W10: ");
    }

    [Fact]
    public void A_meeting_held_before_its_plan_was_approved_is_named_by_its_title_not_its_key_MY_23()
    {
        var violation = Seeds.Simulate("mianyang-ftu-2014").Violations.Single(v => v.Code == "gate-held-before-approval");
        violation.Message(Zh).ShouldBe("专题民主生活会于2014年6月17日进行，早于专题民主生活会方案于2014年6月20日审核通过");
    }

    [Fact]
    public void Missing_attendees_are_named_by_role_title_GX_05()
    {
        var violation = Seeds.Simulate("guangxi-ftu-2013").Violations.Single(v => v.Code == "attendance-short");
        violation.Message(Zh).ShouldContain("领导班子成员 0/1");
        violation.Message(Zh).ShouldNotContain("leadership");
    }

    [Fact]
    public void An_occasion_is_said_by_its_day_and_a_ledger_item_by_its_words_the_key_only_to_tell_two_apart_GX_04_GX_05()
    {
        var violations = Seeds.Simulate("guangxi-ftu-2013").Violations;
        var attendance = violations.Single(v => v.Code == "attendance-short");
        var group = Seeds.Log("guangxi-ftu-2013").Records.OfType<Records.ActivityRecord>().Single(r => r.Key == "research-group-9");
        var sameDay = Seeds.Log("guangxi-ftu-2013").Records.OfType<Records.ActivityRecord>().Count(r => r.Kind == group.Kind && r.Day == group.Day) > 1;
        attendance.Message(Zh).ShouldContain(Violations.ChineseArguments.Chinese(group.Day) + (sameDay ? "（research-group-9）" : "") + "：领导班子成员 0/1");
        attendance.Message(Zh).ShouldNotContain("research-group-9:");

        var item = Seeds.Log("guangxi-ftu-2013").Records.OfType<Records.LedgerItemRecord>().Single(r => r.Key == "opinion-301");
        var overdue = violations.Single(v => v.Code == "ledger-overdue" && v.Evidence.Missing.Single().StartsWith("opinion-301", StringComparison.Ordinal));
        overdue.Message(Zh).ShouldContain($"“{item.Fields["item"]}”（{Violations.ChineseArguments.Chinese(item.Deadline!.Value)}）");
        overdue.Message(Zh).ShouldNotContain("opinion-301");
    }

    [Fact]
    public void A_record_out_of_order_in_two_ways_says_each_way_as_its_own_sentence()
    {
        // As OrderJudge says a record with several problems: each one's message and values, not the evidence's data.
        var seed = Seeds.Simulate("mianyang-ftu-2014").Violations.First();
        var broken = seed with
        {
            Code = "order-broken",
            Arguments =
            [
                "民主评议", "2014-03-05", Violations.MessageList.Of([
                    ("order-none-before", ["民主评议", "2014-03-05", "动员大会"]),
                    ("order-before-broken", ["民主评议", "2014-03-05", "支部学习会议", "2014-03-04 09:00"]),
                ]),
            ],
            TargetName = null,
        };

        broken.Message(Zh).ShouldBe("2014年3月5日的民主评议顺序不符：民主评议于2014年3月5日进行，此前未进行动员大会；民主评议于2014年3月5日进行，晚于2014年3月4日 09:00的支部学习会议，方案要求在其前");
        broken.Message(CultureInfo.GetCultureInfo("en")).ShouldBe("民主评议 on 2014-03-05 is out of order: 民主评议 was held on 2014-03-05, with no 动员大会 before it; 民主评议 was held on 2014-03-05, after 支部学习会议 on 2014-03-04 09:00, which it must precede");
    }

    [Fact]
    public void What_is_missing_reads_with_Chinese_days_and_hours_and_stays_data_in_English_AH_03()
    {
        var violation = Seeds.Simulate("anhui-organs-2013").Violations.Single(v => v.RequirementId == "research-groups:minimum-duration");
        var missing = violation.Evidence.Missing.ShouldHaveSingleItem();

        missing.ShouldBe("research-group-5 2013-08-06 16 h");
        Violations.EvidenceWords.Of(missing, null, Zh).ShouldBe("2013年8月6日 16 小时（research-group-5）");
        Violations.EvidenceWords.Of(missing, null, CultureInfo.GetCultureInfo("en")).ShouldBe(missing);
        Violations.EvidenceWords.Of("opinion-301 经费管理问题1 (2013-12-31)", null, Zh).ShouldBe("经费管理问题1（opinion-301，2013年12月31日）");
        Violations.EvidenceWords.Of("research-group-9: leadership 0/1", r => r == "leadership" ? "领导班子成员" : null, Zh).ShouldBe("领导班子成员 0/1（research-group-9）");
    }

    [Fact]
    public void A_person_held_to_a_minimum_of_their_own_is_not_told_the_general_amount_beside_it_MY_12()
    {
        // 王志刚 (县级) owes 4 h of volunteer service a month, the others 8 h: 3 h is short of his 4 h, and no 8小时 is said.
        var violation = Seeds.Simulate("mianyang-ftu-2014").Violations.Single(v => v.RequirementId == "volunteer-service:period-minimum");

        violation.Message(Zh).ShouldBe("王志刚：2014年5月志愿服务和义工服务 3 小时，少于对其要求的 4 小时");
        violation.Evidence.Required.ShouldBe("4 h");
    }
}
