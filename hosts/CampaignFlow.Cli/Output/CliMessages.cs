using System.Globalization;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Output;

/// <summary>
/// Every word the CLI says itself (frames, summaries, usage errors), from the embedded <c>Output/messages.yaml</c>:
/// no sentence a reader sees is written inline in a command, so a Chinese reader gets a Chinese frame.
/// </summary>
internal static class CliMessages
{
    /// <summary>The templates, for the catalogue test that renders each of them.</summary>
    public static MessageTemplates Templates { get; } = MessageTemplates.Load(typeof(CliMessages).Assembly, "CampaignFlow.Cli.Output.messages.yaml");

    public static string Text(string code, CultureInfo culture, params string[] arguments) => Templates.Format(code, arguments, culture);

    /// <summary>A day as people read it: 2014年6月30日, or 2014-06-30 in English.</summary>
    public static string Day(DateOnly day, CultureInfo culture) => Text("day", culture,
        N(day.Year), N(day.Month), N(day.Day), day.Month.ToString("00", CultureInfo.InvariantCulture), day.Day.ToString("00", CultureInfo.InvariantCulture));

    /// <summary>
    /// Days from <paramref name="start"/> to <paramref name="end"/>: 2014年2月11日至4月30日 (the year said once when it is
    /// the same), 2014-02-11..2014-04-30 in English; one day is said as that day, never as a range from it to itself.
    /// </summary>
    public static string Days(DateOnly start, DateOnly end, CultureInfo culture)
    {
        if (start == end)
        {
            return Day(start, culture);
        }

        var last = start.Year == end.Year && MessageTemplates.IsChinese(culture) ? Text("day-in-year", culture, N(end.Month), N(end.Day)) : Day(end, culture);
        return Text("days", culture, Day(start, culture), last);
    }

    /// <summary>
    /// A violation's period as the CLI's tables say it: its id (2014-W10, window) in English, for scripts and filters; in
    /// Chinese a calendar period by name (2014年第10周) and any other by its days (2014年5月1日至7月31日).
    /// </summary>
    /// <param name="label">The period's label.</param>
    /// <param name="start">Its first day.</param>
    /// <param name="end">Its last day.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Period(string label, DateOnly start, DateOnly end, CultureInfo culture) =>
        !MessageTemplates.IsChinese(culture) ? label
        : PeriodLabel.IsCalendar(label) ? PeriodLabel.Format(label, culture)
        : Days(start, end, culture);

    /// <summary>A whole number as digits, whatever the machine's culture.</summary>
    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
