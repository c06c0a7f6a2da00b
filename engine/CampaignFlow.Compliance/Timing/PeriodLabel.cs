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

    // A deadline's period (by …) and a run-time deadline's (due …, RunTimeDeadline).
    [GeneratedRegex(@"^(?<kind>by|due) (?<day>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Dated();
}
