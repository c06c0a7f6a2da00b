using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Comparison;

/// <summary>A window of days as people write it: 2014年3月1日至4月30日, one day as one date; ISO dates in English.</summary>
public static class DateWindowWords
{
    /// <summary>The window in Chinese words (<paramref name="chinese"/>) or with ISO dates.</summary>
    /// <param name="window">The days.</param>
    /// <param name="chinese">True for 2014年3月1日至4月30日, false for 2014-03-01 to 2014-04-30.</param>
    public static string Of(DateWindow window, bool chinese)
    {
        if (!chinese)
        {
            return window.Start == window.End
                ? window.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : $"{window.Start:yyyy-MM-dd} to {window.End:yyyy-MM-dd}";
        }

        var start = $"{window.Start.Year}年{window.Start.Month}月{window.Start.Day}日";
        if (window.Start == window.End)
        {
            return start;
        }

        // The second date says only what the first did not: the year when it changes.
        var end = window.End.Year == window.Start.Year ? $"{window.End.Month}月{window.End.Day}日" : $"{window.End.Year}年{window.End.Month}月{window.End.Day}日";
        return $"{start}至{end}";
    }

    /// <summary>The window as ISO dates, as tools read it.</summary>
    /// <param name="window">The days.</param>
    public static string Iso(DateWindow window) => window.ToString();
}
