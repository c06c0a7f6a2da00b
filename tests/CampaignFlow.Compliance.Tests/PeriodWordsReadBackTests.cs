using System.Globalization;
using CampaignFlow.Compliance.Timing;

namespace CampaignFlow.Compliance.Tests;

/// <summary>
/// A reader types a period back as the console showed it (2014年第10周) and a filter reads it as the label violations
/// carry (2014-W10): every calendar period's Chinese words read back to its label; anything else is kept.
/// </summary>
public class PeriodWordsReadBackTests
{
    private static readonly CultureInfo Zh = new("zh-CN");

    [Theory]
    [InlineData("2014-W10")]
    [InlineData("2014-W02")]
    [InlineData("2014-05")]
    [InlineData("2014-12")]
    [InlineData("2013-Q4")]
    [InlineData("2013")]
    public void A_calendar_periods_chinese_words_read_back_to_its_label(string label) =>
        PeriodLabel.Read(PeriodLabel.Format(label, Zh)).ShouldBe(label);

    [Theory]
    [InlineData("2014年 第 2 周", "2014-W02")]
    [InlineData("2014年03月", "2014-03")]
    [InlineData("2014年3月份", "2014-03")]
    [InlineData(" 2014年第1季度 ", "2014-Q1")]
    public void Spaces_leading_zeros_and_份_are_read_as_a_reader_writes_them(string written, string label) =>
        PeriodLabel.Read(written).ShouldBe(label);

    [Theory]
    [InlineData("2014-W10")]
    [InlineData("window")]
    [InlineData("by 2014-03-31")]
    [InlineData("2014年第10天")]
    [InlineData("第10周")]
    public void Labels_and_words_that_name_no_calendar_period_are_kept_as_written(string written) =>
        PeriodLabel.Read(written).ShouldBe(written);
}
