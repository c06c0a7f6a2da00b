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
    [InlineData("window", "window")]
    [InlineData("by 2014-02-28", "by 2014-02-28")]
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
}
