namespace CampaignFlow.Plans.Text;

/// <summary>
/// One end of a period as written, before the campaign year is known: <c>2月中下旬</c>, <c>9月底</c>,
/// <c>2月28日</c>, <c>2014年1月</c>, <c>2014-02-11</c>. Missing parts are filled in from context.
/// </summary>
/// <param name="Year">The year when written, else null (the campaign year applies).</param>
/// <param name="Month">The month when written, else null (taken from the other end: <c>2月10日至20日</c>).</param>
/// <param name="Day">The day of the month, when written.</param>
/// <param name="Part">The part of the month, when no day is written.</param>
public sealed record DatePoint(int? Year, int? Month, int? Day, MonthPart Part)
{
    /// <summary>The first and last day this point covers, or an error when the date does not exist.</summary>
    /// <param name="year">The year to use.</param>
    /// <param name="month">The month to use.</param>
    /// <param name="first">The first day covered.</param>
    /// <param name="last">The last day covered.</param>
    /// <param name="error">Why the date does not exist (<c>impossible-date</c>, <c>month-out-of-range</c>, <c>year-out-of-range</c>).</param>
    public bool TryResolve(int year, int month, out DateOnly first, out DateOnly last, out TextError error)
    {
        first = last = default;
        error = TextError.None;
        if (month is < 1 or > 12)
        {
            error = new TextError("month-out-of-range", month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return false;
        }

        if (year is < 1900 or > 2200)
        {
            error = new TextError("year-out-of-range", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return false;
        }

        var days = DateTime.DaysInMonth(year, month);
        if (Day is { } day)
        {
            if (day < 1 || day > days)
            {
                error = new TextError("impossible-date", $"{month}月{day}日", $"{year}-{month:00}", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return false;
            }

            first = last = new DateOnly(year, month, day);
            return true;
        }

        var (from, to) = Part switch
        {
            MonthPart.Early => (1, 10),
            MonthPart.Middle => (11, 20),
            MonthPart.Late => (21, days),
            MonthPart.EarlyAndMiddle => (1, 20),
            MonthPart.MiddleAndLate => (11, days),
            _ => (1, days),
        };
        first = new DateOnly(year, month, from);
        last = new DateOnly(year, month, to);
        return true;
    }
}
