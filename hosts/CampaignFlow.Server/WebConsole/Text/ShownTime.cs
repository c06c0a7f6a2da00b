using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Server.WebConsole.Text;

/// <summary>
/// How the console writes days and moments: in Beijing time (UTC+8, the plans' time zone, whatever the server's
/// zone), as 2014年3月7日 in Chinese and 7 Mar 2014 in English.
/// </summary>
public static class BeijingTime
{
    /// <summary>Beijing's offset from UTC (China keeps no daylight saving time).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>A day.</summary>
    /// <param name="day">The day.</param>
    /// <param name="culture">Chinese or English.</param>
    public static string Day(DateOnly day, CultureInfo culture) => MessageTemplates.IsChinese(culture)
        ? string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日")
        : day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment, in Beijing time, to the minute.</summary>
    /// <param name="moment">The moment (any offset).</param>
    /// <param name="culture">Chinese or English.</param>
    public static string Moment(DateTimeOffset moment, CultureInfo culture)
    {
        var local = moment.ToOffset(Offset);
        return Day(DateOnly.FromDateTime(local.DateTime), culture) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The day a moment falls on in Beijing.</summary>
    /// <param name="moment">The moment.</param>
    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);
}
