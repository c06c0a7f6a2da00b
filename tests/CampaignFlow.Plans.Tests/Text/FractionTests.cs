using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Tests.Text;

public class FractionTests
{
    [Theory]
    [InlineData("三分之一", 1, 3)] // PY-23 “不满意”的比率达到三分之一以上
    [InlineData("1/3", 1, 3)]
    [InlineData("三分之二", 2, 3)]
    [InlineData("33%", 33, 100)]
    [InlineData("0.5", 0.5, 1)]
    public void Shares(string text, decimal numerator, decimal denominator)
    {
        Fraction.TryParse(text, out var share, out _).ShouldBeTrue();
        share.Numerator.ShouldBe(numerator);
        share.Denominator.ShouldBe(denominator);
    }

    [Fact]
    public void Exactly_one_third_reaches_one_third_and_just_below_does_not()
    {
        Fraction.TryParse("三分之一", out var third, out _).ShouldBeTrue();
        third.IsReachedBy(3, 9).ShouldBeTrue();
        third.IsReachedBy(10, 30).ShouldBeTrue();
        third.IsReachedBy(9, 28).ShouldBeFalse();
        third.IsReachedBy(0, 0).ShouldBeFalse();
    }

    [Theory]
    [InlineData("about a third")]
    [InlineData("分之")]
    public void Text_that_is_no_share_is_refused(string text)
    {
        Fraction.TryParse(text, out _, out var error).ShouldBeFalse();
        error.Code.ShouldBe("bad-share");
    }
}
