using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Tests.Text;

public class PeriodTests
{
    [Theory]
    [InlineData("2月中下旬-4月下旬", "2014-02-11..2014-04-30")] // 番禺 phase 1 (PY-02)
    [InlineData("5月上旬-7月下旬", "2014-05-01..2014-07-31")] // 番禺 phase 2 (PY-03)
    [InlineData("8月上旬-9月底", "2014-08-01..2014-09-30")] // 番禺 phase 3 (PY-04)
    [InlineData("2月10日至20日", "2014-02-10..2014-02-20")] // 绵阳 preparation (MY-02)
    [InlineData("2月21日至9月20日", "2014-02-21..2014-09-20")] // 绵阳 implementation (MY-03)
    [InlineData("9月21日至30日", "2014-09-21..2014-09-30")] // 绵阳 summary (MY-04)
    [InlineData("2月上旬", "2014-02-01..2014-02-10")]
    [InlineData("2月中旬", "2014-02-11..2014-02-20")]
    [InlineData("2月下旬", "2014-02-21..2014-02-28")]
    [InlineData("2月上中旬", "2014-02-01..2014-02-20")]
    [InlineData("2月中下旬", "2014-02-11..2014-02-28")]
    [InlineData("3月初", "2014-03-01..2014-03-10")]
    [InlineData("3月月初", "2014-03-01..2014-03-10")]
    [InlineData("6月底", "2014-06-21..2014-06-30")]
    [InlineData("6月月末", "2014-06-21..2014-06-30")]
    [InlineData("3月", "2014-03-01..2014-03-31")]
    [InlineData("三月", "2014-03-01..2014-03-31")]
    [InlineData("10月17日", "2014-10-17..2014-10-17")]
    [InlineData("十月二十一日", "2014-10-21..2014-10-21")]
    [InlineData("2月-9月", "2014-02-01..2014-09-30")]
    [InlineData("1月中旬-9月底", "2014-01-11..2014-09-30")]
    [InlineData("2013年7月-2014年1月", "2013-07-01..2014-01-31")] // 广西 (GX-01)
    [InlineData("11月-1月", "2014-11-01..2015-01-31")] // crosses into the next year
    [InlineData("2014-02-11", "2014-02-11..2014-02-11")]
    [InlineData("2014-02-11..2014-04-30", "2014-02-11..2014-04-30")]
    [InlineData("2014-02-11-2014-04-30", "2014-02-11..2014-04-30")]
    [InlineData("3月1日~3月5日", "2014-03-01..2014-03-05")]
    [InlineData("3月1日到5日", "2014-03-01..2014-03-05")]
    public void Resolves_against_the_campaign_year(string text, string expected)
    {
        Period.TryParse(text, out var period, out var error).ShouldBeTrue(error.Code);
        period.TryResolve(2014, null, out var window, out var resolveError).ShouldBeTrue(resolveError.Code);
        window.ToString().ShouldBe(expected);
        period.IsDeadline.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2月28日前", "2014-02-28")] // MY-06
    [InlineData("9月底前", "2014-09-30")]
    [InlineData("6月30日之前", "2014-06-30")]
    public void A_deadline_runs_from_the_open_start_to_its_day(string text, string end)
    {
        Period.TryParse(text, out var period, out _).ShouldBeTrue();
        period.IsDeadline.ShouldBeTrue();
        period.TryResolve(2014, new DateOnly(2014, 1, 11), out var window, out _).ShouldBeTrue();
        window.Start.ShouldBe(new DateOnly(2014, 1, 11));
        window.End.ToString("yyyy-MM-dd").ShouldBe(end);
    }

    [Theory]
    [InlineData("2月30日", "impossible-date")]
    [InlineData("2月29日", "impossible-date")] // 2014 is not a leap year
    [InlineData("4月31日", "impossible-date")]
    [InlineData("13月", "month-out-of-range")]
    [InlineData("5月上旬-3月下旬", null)] // crosses the year: valid, ends 2015-03-31
    public void Impossible_dates_are_refused_with_a_reason(string text, string? code)
    {
        Period.TryParse(text, out var period, out _).ShouldBeTrue();
        var ok = period.TryResolve(2014, null, out _, out var error);
        if (code is null)
        {
            ok.ShouldBeTrue();
        }
        else
        {
            ok.ShouldBeFalse();
            error.Code.ShouldBe(code);
        }
    }

    [Fact]
    public void February_29th_exists_in_a_leap_year()
    {
        Period.TryParse("2月29日", out var period, out _).ShouldBeTrue();
        period.TryResolve(2016, null, out var window, out _).ShouldBeTrue();
        window.Start.ShouldBe(new DateOnly(2016, 2, 29));
    }

    [Fact]
    public void An_iso_range_ending_before_it_starts_is_refused()
    {
        Period.TryParse("2014-04-30..2014-02-11", out var period, out _).ShouldBeTrue();
        period.TryResolve(2014, null, out _, out var error).ShouldBeFalse();
        error.Code.ShouldBe("period-reversed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("下周")]
    [InlineData("2月中下旬-")]
    [InlineData("2月3日上旬")]
    [InlineData("spring")]
    public void Text_that_is_no_period_is_refused(string text)
    {
        Period.TryParse(text, out _, out var error).ShouldBeFalse();
        error.Code.ShouldBe("bad-period");
    }

    [Theory]
    [InlineData("２０１４-０２-１１..2014-04-30")]
    [InlineData("２月-９月")]
    [InlineData("２０１３年7月-2014年1月")]
    [InlineData("٣月")]
    public void Digits_other_than_ascii_are_no_period_rather_than_a_crash_or_month_zero(string text)
    {
        // Regex \d matches any Unicode digit (full-width ２ from a Chinese input method) but the numbers are read as
        // ASCII: the ISO form threw, a month became 0 and a year was silently replaced by the campaign's.
        Period.TryParse(text, out _, out var error).ShouldBeFalse();
        error.Code.ShouldBe("bad-period");
    }
}
