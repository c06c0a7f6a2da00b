using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignFlow.Plans.Text;

/// <summary>
/// A period as plans write it, resolved against the campaign year when the plan is read:
/// <c>2月中下旬-4月下旬</c>, <c>5月上旬-7月下旬</c>, <c>8月上旬-9月底</c>, <c>2月10日至20日</c>, <c>2月28日前</c>,
/// <c>2013年7月-2014年1月</c>, <c>2014-02-11..2014-04-30</c>.
/// </summary>
/// <param name="From">The start, or null for a deadline (<c>2月28日前</c>): open towards the past.</param>
/// <param name="To">The end.</param>
/// <param name="Text">The text as written.</param>
public sealed partial record Period(DatePoint? From, DatePoint To, string Text)
{
    private static readonly string[] RangeSeparators = ["..", "至", "到", "～", "~", "－", "—", "–", "-"];
    private static readonly string[] DeadlineSuffixes = ["以前", "之前", "前"];

    /// <summary>True for a deadline such as <c>2月28日前</c>: only its end is fixed.</summary>
    public bool IsDeadline => From is null;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Reads a period.</summary>
    /// <param name="text">The period as written.</param>
    /// <param name="period">The period read.</param>
    /// <param name="error">Why it could not be read.</param>
    public static bool TryParse(string text, out Period period, out TextError error)
    {
        period = null!;
        error = TextError.None;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        foreach (var suffix in DeadlineSuffixes)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal) && TryParsePoint(t[..^suffix.Length], out var end))
            {
                period = new Period(null, end, text);
                return true;
            }
        }

        if (TryParsePoint(t, out var single))
        {
            period = new Period(single, single, text);
            return true;
        }

        foreach (var separator in RangeSeparators)
        {
            var at = FindSeparator(t, separator);
            if (at > 0
                && TryParsePoint(t[..at], out var from)
                && TryParsePoint(t[(at + separator.Length)..], out var to))
            {
                period = new Period(from, to, text);
                return true;
            }
        }

        error = new TextError("bad-period", text);
        return false;
    }

    /// <summary>
    /// Resolves the period to days. Without a written year, <paramref name="year"/> applies; an end month before
    /// the start month moves the end into the next year. A deadline starts at <paramref name="openStart"/>.
    /// </summary>
    /// <param name="year">The campaign year.</param>
    /// <param name="openStart">Where a deadline's window starts (usually the campaign's first day).</param>
    /// <param name="window">The days covered.</param>
    /// <param name="error">Why the period cannot be resolved (an impossible date, an end before the start).</param>
    public bool TryResolve(int year, DateOnly? openStart, out DateWindow window, out TextError error)
    {
        window = null!;
        if (From is null)
        {
            var endYear = To.Year ?? year;
            if (!To.TryResolve(endYear, To.Month ?? 0, out _, out var deadline, out error))
            {
                return false;
            }

            var start = openStart ?? new DateOnly(endYear, 1, 1);
            window = new DateWindow(start <= deadline ? start : deadline, deadline);
            return true;
        }

        var fromYear = From.Year ?? year;
        var fromMonth = From.Month ?? To.Month ?? 0;
        var toMonth = To.Month ?? fromMonth;
        var toYear = To.Year ?? (From.Year is { } y && To.Year is null ? y : year);
        if (To.Year is null && toMonth < fromMonth)
        {
            toYear = fromYear + 1;
        }

        if (!From.TryResolve(fromYear, fromMonth, out var first, out _, out error)
            || !To.TryResolve(toYear, toMonth, out _, out var last, out error))
        {
            return false;
        }

        if (last < first)
        {
            error = new TextError("period-reversed", Text, $"{first:yyyy-MM-dd}", $"{last:yyyy-MM-dd}");
            return false;
        }

        window = new DateWindow(first, last);
        return true;
    }

    private static int FindSeparator(string text, string separator)
    {
        // An ISO date has hyphens of its own: only a hyphen between two dates separates them.
        if (separator == "-" && IsoRange().Match(text) is { Success: true } m)
        {
            return m.Groups["sep"].Index;
        }

        return text.Length > 1 ? text.IndexOf(separator, 1, StringComparison.Ordinal) : -1;
    }

    private static bool TryParsePoint(string text, out DatePoint point)
    {
        point = null!;
        if (text.Length == 0)
        {
            return false;
        }

        if (IsoDate().Match(text) is { Success: true } iso)
        {
            point = new DatePoint(
                int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture),
                int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture),
                int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture),
                MonthPart.Whole);
            return true;
        }

        var match = ChinesePoint().Match(text);
        if (!match.Success || (!match.Groups["m"].Success && !match.Groups["d"].Success))
        {
            return false;
        }

        int? Number(string group) =>
            match.Groups[group].Success && ChineseNumber.TryParse(match.Groups[group].Value, out var v) ? (int)v : null;

        var part = match.Groups["p"].Value switch
        {
            "上旬" or "初" or "月初" => MonthPart.Early,
            "中旬" => MonthPart.Middle,
            "下旬" or "底" or "末" or "月底" or "月末" => MonthPart.Late,
            "上中旬" => MonthPart.EarlyAndMiddle,
            "中下旬" => MonthPart.MiddleAndLate,
            _ => MonthPart.Whole,
        };
        if (match.Groups["d"].Success && part != MonthPart.Whole)
        {
            return false;
        }

        point = new DatePoint(Number("y"), Number("m"), Number("d"), part);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})年)?(?:(?<m>[0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?)?(?:(?<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号號])?(?<p>上中旬|中下旬|上旬|中旬|下旬|月初|月底|月末|初|底|末)?$")]
    private static partial Regex ChinesePoint();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?<sep>-)[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$")]
    private static partial Regex IsoRange();
}
