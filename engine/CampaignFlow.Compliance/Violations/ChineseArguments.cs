using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignFlow.Compliance.Violations;

/// <summary>
/// A violation's values as a Chinese sentence writes them. Judges give one set of values for every language (they are
/// stored with the violation): days as ISO dates, spans as <c>2014-03-25..2014-05-12</c>, hours as <c>160 h</c>. A
/// Chinese reader gets 2014年3月25日至5月12日 and 160 小时 instead; ids inside record keys are left alone.
/// </summary>
internal static partial class ChineseArguments
{
    /// <summary>The value <paramref name="argument"/> in Chinese words.</summary>
    /// <param name="argument">One value a judge named.</param>
    public static string Format(string argument)
    {
        if (argument == "duration")
        {
            // The built-in measure of an activity (its hours); attributes a plan declares have no title to use.
            return "时长";
        }

        // An attribute the catalogue has a word for (households: 走访户数): the sentence names it, not its id.
        if (AttributeId().IsMatch(argument) && Plans.Diagnostics.MessageCatalog.Contains("attr-" + argument))
        {
            return Plans.Diagnostics.MessageCatalog.Format("attr-" + argument, [], Zh);
        }

        // A re-work's reason (ReworkJudge): returned by a reviewer, an evaluation over its threshold, a failed test.
        if (Returned().Match(argument) is { Success: true } returned)
        {
            return $"{Chinese(Day(returned.Groups["day"].Value))}被{returned.Groups["who"].Value}退回";
        }

        if (OverThreshold().Match(argument) is { Success: true } over)
        {
            var attribute = over.Groups["attribute"].Value;
            return $"{Plans.Diagnostics.MessageCatalog.AttributeWord(attribute, Zh)} {over.Groups["share"].Value}，达到{over.Groups["threshold"].Value}";
        }

        if (argument == "failed")
        {
            return "未通过";
        }

        var text = Range().Replace(argument, m => Days(Day(m.Groups["from"].Value), Day(m.Groups["to"].Value)));
        text = IsoDay().Replace(text, m => Chinese(Day(m.Value)));
        text = ColonAfterDay().Replace(text, "：");
        text = DaysLate().Replace(text, m => $"，晚 {m.Groups["days"].Value} 天");
        text = DaysEarly().Replace(text, m => $"，早 {m.Groups["days"].Value} 天");
        text = HoursInBrackets().Replace(text, m => $"（{m.Groups["hours"].Value} 小时）");
        return Hours().Replace(text, m => $"{m.Groups["hours"].Value} 小时");
    }

    /// <summary>
    /// A rendered sentence with a span of one day said as that day (2013年10月17日, not 2013年10月17日至2013年10月17日),
    /// however the template put the two days around 至.
    /// </summary>
    /// <param name="sentence">The sentence in Chinese.</param>
    public static string OneDaySpans(string sentence) => SameDaySpan().Replace(sentence, "${day}");

    /// <summary>A day as Chinese writes it: 2014年3月7日.</summary>
    /// <param name="day">The day.</param>
    public static string Chinese(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private static string Days(DateOnly from, DateOnly to) =>
        from == to ? Chinese(from) : from.Year == to.Year ? $"{Chinese(from)}至{to.Month}月{to.Day}日" : $"{Chinese(from)}至{Chinese(to)}";

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    [GeneratedRegex(@"^[a-z][A-Za-z]*$")]
    private static partial Regex AttributeId();

    // An occasion's day before what it lacks (2013年11月5日: 领导班子成员 0/1): a Chinese colon after a Chinese day.
    [GeneratedRegex(@"(?<=\d日(?:（[^）]*）)?): ")]
    private static partial Regex ColonAfterDay();

    [GeneratedRegex(@"^returned by (?<who>.+) (?<day>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Returned();

    [GeneratedRegex(@"^(?<attribute>[A-Za-z]\w*) (?<share>\d+(\.\d+)?/\d+(\.\d+)?) ≥ (?<threshold>.+)$")]
    private static partial Regex OverThreshold();

    // Whole dates only: a key such as talk-2014-03-07 keeps its text (a hyphen or letter next to it is not a date's edge).
    [GeneratedRegex(@"(?<![\w-])(?<from>\d{4}-\d{2}-\d{2})\.\.(?<to>\d{4}-\d{2}-\d{2})(?![\w-])")]
    private static partial Regex Range();

    [GeneratedRegex(@"(?<![\w-])\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\w-])")]
    private static partial Regex IsoDay();

    // A record past its deadline: "2014-05-04, 3 d late" is 2014年5月4日，晚 3 天.
    [GeneratedRegex(@", (?<days>\d+) d late")]
    private static partial Regex DaysLate();

    // A record before its window: "2014-02-07, 4 d early" is 2014年2月7日，早 4 天.
    [GeneratedRegex(@", (?<days>\d+) d early")]
    private static partial Regex DaysEarly();

    [GeneratedRegex(@" \((?<hours>\d+(\.\d+)?) h\)")]
    private static partial Regex HoursInBrackets();

    [GeneratedRegex(@"(?<![\w-])(?<hours>\d+(\.\d+)?) h(?![\w])")]
    private static partial Regex Hours();

    [GeneratedRegex(@"(?<day>\d{4}年\d{1,2}月\d{1,2}日) ?至 ?\k<day>")]
    private static partial Regex SameDaySpan();
}
