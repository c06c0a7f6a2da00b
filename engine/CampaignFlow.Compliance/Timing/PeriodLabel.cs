using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Compliance.Timing;

/// <summary>
/// A period's label as a reader of <see cref="CultureInfo"/> writes it. Labels stay as <see cref="DueSchedule"/> makes
/// them (2014-W10, 2014-05, window, by 2014-02-28) in ids and filters; a Chinese sentence says 2014年第10周, 2014年5月,
/// 规定时段, 截至2014年2月28日, in the words of the violation catalogue (<c>period-*</c>).
/// </summary>
public static partial class PeriodLabel
{
    /// <summary>The label in words of <paramref name="culture"/>; English keeps the label itself, and an unknown label is kept in every language.</summary>
    /// <param name="label">A label made by <see cref="DueSchedule"/> or <see cref="RunTimeDeadline"/>.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Format(string label, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!MessageTemplates.IsChinese(culture))
        {
            return label;
        }

        var (code, arguments) = Words(label);
        return code is null ? label : ViolationMessages.Templates.Format(code, arguments, culture);
    }

    /// <summary>True for a calendar period's label (a week, month, quarter or year), which a reader knows by its name; others (a window, a deadline) read better as their days.</summary>
    /// <param name="label">A period label.</param>
    public static bool IsCalendar(string label) => label is not null && Iso().IsMatch(label);

    /// <summary>
    /// The label of a calendar period written as a Chinese reader writes it (2014年第10周 → 2014-W10, 2014年3月 → 2014-03,
    /// 2014年第1季度 → 2014-Q1, 2014年 → 2014), so a filter takes what a page shows; anything else is kept as written.
    /// </summary>
    /// <param name="written">A period as a reader typed it.</param>
    public static string Read(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (Chinese().Match(written.Trim()) is not { Success: true } chinese)
        {
            return written;
        }

        var year = chinese.Groups["year"].Value;
        string Two(string digits) => int.Parse(digits, CultureInfo.InvariantCulture).ToString("00", CultureInfo.InvariantCulture);
        return chinese.Groups["week"].Success ? $"{year}-W{Two(chinese.Groups["week"].Value)}"
            : chinese.Groups["month"].Success ? $"{year}-{Two(chinese.Groups["month"].Value)}"
            : chinese.Groups["quarter"].Success ? $"{year}-Q{chinese.Groups["quarter"].Value}"
            : year;
    }

    private static (string? Code, string[] Arguments) Words(string label)
    {
        if (Iso().Match(label) is { Success: true } iso)
        {
            var year = iso.Groups["year"].Value;
            return iso.Groups["week"].Success ? ("period-week", [year, Number(iso.Groups["week"].Value)])
                : iso.Groups["month"].Success ? ("period-month", [year, Number(iso.Groups["month"].Value)])
                : iso.Groups["quarter"].Success ? ("period-quarter", [year, iso.Groups["quarter"].Value])
                : ("period-year", [year]);
        }

        return label switch
        {
            "window" => ("period-window", []),
            "campaign" => ("period-campaign", []),
            _ when Dated().Match(label) is { Success: true } dated =>
                (dated.Groups["kind"].Value == "by" ? "period-by" : "period-due",
                    [ChineseArguments.Chinese(DateOnly.ParseExact(dated.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture))]),
            _ => (null, []),
        };
    }

    private static string Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})(?:-W(?<week>\d{2})|-Q(?<quarter>[1-4])|-(?<month>\d{2}))?$")]
    private static partial Regex Iso();

    // The catalogue's period-week, period-month, period-quarter and period-year in Chinese, spaces allowed (2014年 第10周).
    [GeneratedRegex(@"^(?<year>\d{4})\s*年\s*(?:第\s*(?<week>\d{1,2})\s*周|(?<month>\d{1,2})\s*月(?:份)?|第\s*(?<quarter>[1-4])\s*季度?)?$")]
    private static partial Regex Chinese();

    // A deadline's period (by …) and a run-time deadline's (due …, RunTimeDeadline).
    [GeneratedRegex(@"^(?<kind>by|due) (?<day>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Dated();
}
