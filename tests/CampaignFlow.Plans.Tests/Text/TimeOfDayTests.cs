using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Tests.Text;

public class TimeOfDayTests
{
    [Theory]
    [InlineData("15:00", 15, 0)]
    [InlineData("9:30", 9, 30)]
    [InlineData("14：30", 14, 30)]
    [InlineData("下午3点", 15, 0)] // 下午3点召开动员大会
    [InlineData("下午2点30分", 14, 30)]
    [InlineData("上午9点", 9, 0)]
    [InlineData("14时", 14, 0)]
    [InlineData("晚上7点半", 19, 30)]
    public void A_time_of_day_as_the_documents_write_it(string text, int hour, int minute)
    {
        TimeOfDay.TryParse(text, out var time, out var error).ShouldBeTrue(error.Code);

        (time.Value, time.Text).ShouldBe((new TimeOnly(hour, minute), text));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("14:75")]
    [InlineData("上午15点")]
    [InlineData("下午")]
    [InlineData("3pm")]
    [InlineData("１０:００")] // full-width digits from a Chinese input method: threw
    [InlineData("下午３点")]
    public void What_is_no_time_of_day_is_refused_with_its_text(string text)
    {
        TimeOfDay.TryParse(text, out _, out var error).ShouldBeFalse();

        (error.Code, error.Arguments.Single()).ShouldBe(("bad-time-of-day", text));
    }
}
