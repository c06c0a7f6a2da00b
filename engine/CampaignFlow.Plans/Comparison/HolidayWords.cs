using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Comparison;

/// <summary>
/// A plan's holidays as people say them (春节2014年1月31日至2月6日（2014年1月26日、2014年2月8日上班）), and how it treats a
/// week nobody works in: what <c>show</c> prints and <c>diff</c> compares.
/// </summary>
public static class HolidayWords
{
    /// <summary>One holiday: its name, its days off and the weekend days worked instead.</summary>
    /// <param name="holiday">The holiday.</param>
    /// <param name="culture">zh for Chinese dates, otherwise ISO dates.</param>
    public static string Of(Holiday holiday, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(holiday);
        var chinese = MessageTemplates.IsChinese(culture);
        var off = DateWindowWords.Of(holiday.Off, chinese);
        if (holiday.Workdays.Count == 0)
        {
            return MessageCatalog.Format("holiday-days", [holiday.Name, off], culture);
        }

        var worked = holiday.Workdays.Select(d => DateWindowWords.Of(new DateWindow(d, d), chinese));
        return MessageCatalog.Format("holiday-days-worked", [holiday.Name, off, string.Join(chinese ? "、" : ", ", worked)], culture);
    }

    /// <summary>The holidays of <paramref name="calendar"/> that fall (in part) in <paramref name="window"/>, in order.</summary>
    /// <param name="calendar">The plan's working calendar.</param>
    /// <param name="window">The campaign's days.</param>
    public static IReadOnlyList<Holiday> In(WorkingCalendar calendar, DateWindow window)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Holidays.Where(h => h.Off.Overlaps(window) || h.Workdays.Any(d => window.Contains(new DateWindow(d, d)))).ToArray();
    }

    /// <summary>How a weekly minimum treats a week nobody works in: counted (judged like any week) or skipped.</summary>
    /// <param name="skipped">The plan's <c>holidayWeeks: skipped</c>.</param>
    /// <param name="culture">The language.</param>
    public static string Weeks(bool skipped, CultureInfo culture) =>
        MessageCatalog.Format(skipped ? "holiday-weeks-skipped" : "holiday-weeks-counted", [], culture);
}
