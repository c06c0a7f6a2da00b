using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Server.WebConsole.Text;

/// <summary>
/// How days and moments are written for people — the console and the operator's log lines: in the server's time zone
/// (<c>--time-zone</c>, Beijing time by default, whatever the machine's zone), as 2014年3月7日 in Chinese and 7 Mar 2014
/// in English. A plan's own days (its periods and deadlines) follow the plan's <c>calendar.timeZone</c>, not this.
/// </summary>
public sealed class ShownTime
{
    /// <summary>The zone people are shown times in unless the server is told otherwise.</summary>
    public const string DefaultZone = "Asia/Shanghai";

    private ShownTime(TimeZoneInfo zone) => Zone = zone;

    /// <summary>Beijing time (UTC+8; China keeps no daylight saving time), also where the machine has no time zone data.</summary>
    public static ShownTime Beijing { get; } = new(CampaignFlow.Plans.Zones.PlanTimeZone.Of(DefaultZone));

    /// <summary>The zone times are shown in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>True for Beijing time, which readers call by its name rather than its zone's id.</summary>
    public bool IsBeijing => ReferenceEquals(this, Beijing);

    /// <summary>The zone of an IANA (or Windows) id; null when this machine knows no such zone.</summary>
    /// <param name="id">The zone's id, e.g. Asia/Shanghai or Asia/Urumqi.</param>
    public static ShownTime? For(string id)
    {
        if (string.Equals(id?.Trim(), DefaultZone, StringComparison.Ordinal))
        {
            return Beijing;
        }

        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? new ShownTime(zone) : null;
    }

    /// <summary>A day.</summary>
    /// <param name="day">The day.</param>
    /// <param name="culture">Chinese or English.</param>
    public static string Day(DateOnly day, CultureInfo culture) => MessageTemplates.IsChinese(culture)
        ? string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日")
        : day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A month: 2014年3月 in Chinese, Mar 2014 in English.</summary>
    /// <param name="day">A day of the month.</param>
    /// <param name="culture">Chinese or English.</param>
    public static string Month(DateOnly day, CultureInfo culture) => MessageTemplates.IsChinese(culture)
        ? string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月")
        : day.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment, in this zone, to the minute.</summary>
    /// <param name="moment">The moment (any offset).</param>
    /// <param name="culture">Chinese or English.</param>
    public string Moment(DateTimeOffset moment, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Zone);
        return Day(DateOnly.FromDateTime(local.DateTime), culture) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The day a moment falls on in this zone: the reader's today.</summary>
    /// <param name="moment">The moment.</param>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);
}
