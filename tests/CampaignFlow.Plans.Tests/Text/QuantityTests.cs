using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Tests.Text;

public class QuantityTests
{
    [Theory]
    [InlineData("半天", 4)] // PY-05 每周集中学习的时间不少于半天
    [InlineData("1天", 8)] // PY-15 会议时间不少于1天
    [InlineData("两天", 16)]
    [InlineData("2天", 16)] // MY-17 时间不少于2天
    [InlineData("4小时", 4)] // MY-12 不少于4小时
    [InlineData("8个小时", 8)]
    [InlineData("4h", 4)]
    [InlineData("0.5d", 4)]
    [InlineData("1d", 8)]
    [InlineData("PT4H", 4)]
    [InlineData("P2D", 16)]
    [InlineData("二十一天", 168)] // AH-10 21天以上
    public void Working_time_in_hours_with_an_eight_hour_day(string text, decimal hours)
    {
        Quantity.TryParse(text, out var quantity, out var error).ShouldBeTrue(error.Code);
        quantity.IsWorkingTime.ShouldBeTrue();
        quantity.ToHours(8).ShouldBe(hours);
    }

    [Theory]
    [InlineData("3个工作日", "2014-03-07", "2014-03-12")] // Friday: Monday, Tuesday, Wednesday
    [InlineData("5工作日", "2014-03-10", "2014-03-17")]
    [InlineData("2 working days", "2014-03-08", "2014-03-11")] // from a Saturday
    [InlineData("0.5个工作日", "2014-03-07", "2014-03-10")]
    [InlineData("3天", "2014-03-07", "2014-03-10")] // days on the calendar
    [InlineData("一周", "2014-03-07", "2014-03-14")]
    public void A_length_after_a_day_counts_working_days_only_when_written_so(string text, string from, string last)
    {
        Quantity.TryParse(text, out var quantity, out var error).ShouldBeTrue(error.Code);

        quantity.LastDayAfter(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Working_days_as_working_time_are_days_of_the_plans_hours()
    {
        Quantity.TryParse("3个工作日", out var quantity, out _).ShouldBeTrue();

        (quantity.OnWorkingDays, quantity.ToHours(8)).ShouldBe((true, 24m));
    }

    [Theory]
    [InlineData("半天", 3)] // the plan's half day: mornings 8:30 to 11:30
    [InlineData("1天", 7)]
    [InlineData("1.5天", 10.5)]
    [InlineData("4学时", 3)] // 4 class hours of 45 minutes
    [InlineData("2课时", 1.5)]
    [InlineData("45分钟", 0.75)]
    public void Working_time_is_worth_what_the_plans_calendar_says(string text, decimal hours)
    {
        Quantity.TryParse(text, out var quantity, out var error).ShouldBeTrue(error.Code);

        quantity.ToHours(new WorkingHours(7, 3, 0.75m)).ShouldBe(hours);
    }

    [Fact]
    public void Class_hours_are_nothing_a_plan_has_not_defined()
    {
        Quantity.TryParse("4学时", out var quantity, out _).ShouldBeTrue();

        (quantity.IsWorkingTime, quantity.Unit).ShouldBe((true, QuantityUnit.ClassHours));
        Should.Throw<InvalidOperationException>(() => quantity.ToHours(WorkingHours.Default));
    }

    [Fact]
    public void A_working_day_follows_the_plan_calendar()
    {
        Quantity.TryParse("半天", out var half, out _).ShouldBeTrue();
        half.ToHours(7).ShouldBe(3.5m);
    }

    [Theory]
    [InlineData("一周", QuantityUnit.Weeks, 1)]
    [InlineData("1w", QuantityUnit.Weeks, 1)]
    [InlineData("P1W", QuantityUnit.Weeks, 1)]
    [InlineData("3个月", QuantityUnit.Months, 3)] // WD-02 不少于3个月
    [InlineData("三个月", QuantityUnit.Months, 3)]
    [InlineData("P3M", QuantityUnit.Months, 3)]
    [InlineData("1年", QuantityUnit.Years, 1)]
    public void Calendar_lengths(string text, QuantityUnit unit, decimal value)
    {
        Quantity.TryParse(text, out var quantity, out _).ShouldBeTrue();
        quantity.Unit.ShouldBe(unit);
        quantity.Value.ShouldBe(value);
        quantity.IsCalendarLength.ShouldBeTrue();
    }

    [Theory]
    [InlineData("四次", 4, "次")] // MY-09 四次集中专题学习
    [InlineData("3次以上", 3, "次")] // MY-13 3次以上的讨论会
    [InlineData("20场", 20, "场")] // MY-30 招聘会20场
    [InlineData("1200名", 1200, "名")]
    [InlineData("1.5万名", 15000, "名")]
    [InlineData("二十五个", 25, "个")] // AH-09 发文不超过25个
    [InlineData("两次", 2, "次")]
    [InlineData("十次", 10, "次")]
    [InlineData("一百二十条", 120, "条")]
    [InlineData("51条", 51, "条")]
    [InlineData("35人次", 35, "人次")]
    [InlineData("4", 4, "")]
    public void Counts_keep_their_measure_word(string text, decimal value, string label)
    {
        Quantity.TryParse(text, out var quantity, out _).ShouldBeTrue();
        quantity.IsCount.ShouldBeTrue();
        quantity.Value.ShouldBe(value);
        quantity.Label.ShouldBe(label);
    }

    [Fact]
    public void A_week_after_a_day_is_seven_days_on()
    {
        Quantity.TryParse("一周", out var week, out _).ShouldBeTrue();
        week.AddTo(new DateTimeOffset(2014, 10, 17, 9, 0, 0, TimeSpan.FromHours(8)))
            .ShouldBe(new DateTimeOffset(2014, 10, 24, 9, 0, 0, TimeSpan.FromHours(8)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("一些")]
    [InlineData("4 parsecs")]
    [InlineData("P3X")]
    [InlineData("P３D")] // a full-width digit: threw
    public void Text_that_is_no_amount_is_refused(string text)
    {
        Quantity.TryParse(text, out _, out var error).ShouldBeFalse();
        error.Code.ShouldBe("bad-quantity");
    }
}
