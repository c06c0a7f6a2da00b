using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Tests.Text;

public class ChineseNumberTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十五", 25)]
    [InlineData("一百二十", 120)]
    [InlineData("三百二十六", 326)] // GX-04 326条意见
    [InlineData("半", 0.5)]
    [InlineData("1.5万", 15000)]
    [InlineData("0.5", 0.5)]
    public void Reads_numbers_as_plans_write_them(string text, decimal value)
    {
        ChineseNumber.TryParse(text, out var read).ShouldBeTrue();
        read.ShouldBe(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("二三")]
    [InlineData("几")]
    public void Refuses_what_is_no_number(string text) => ChineseNumber.TryParse(text, out _).ShouldBeFalse();
}
