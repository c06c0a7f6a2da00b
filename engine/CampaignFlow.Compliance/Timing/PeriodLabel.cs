using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Compliance.Timing;

/// <summary>
/// A period's label as a reader of <see cref="CultureInfo"/> writes it. Labels stay ISO (2014-W10, 2014-05) in
/// ids and filters; a Chinese sentence says 2014年第10周, 2014年5月.
/// </summary>
public static partial class PeriodLabel
{
    /// <summary>The label in words of <paramref name="culture"/>; labels that are not a week, month, quarter or year are kept.</summary>
    /// <param name="label">A label made by <see cref="DueSchedule"/>.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Format(string label, CultureInfo culture)
    {
        if (!MessageTemplates.IsChinese(culture))
        {
            return label;
        }

        var match = Iso().Match(label);
        if (!match.Success)
        {
            return label;
        }

        var year = match.Groups["year"].Value;
        return match.Groups["week"].Success ? $"{year}年第{int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture)}周"
            : match.Groups["month"].Success ? $"{year}年{int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture)}月"
            : match.Groups["quarter"].Success ? $"{year}年第{match.Groups["quarter"].Value}季度"
            : $"{year}年";
    }

    /// <summary>
    /// Whether the label is a week, month, quarter or year, which <see cref="Format"/> puts in words; the others
    /// (window, campaign, by 2014-03-31, due 2014-05-26) are ids a Chinese reader is given the days of instead.
    /// </summary>
    /// <param name="label">A label made by <see cref="DueSchedule"/>.</param>
    public static bool Named(string label) => Iso().IsMatch(label);

    [GeneratedRegex(@"^(?<year>\d{4})(?:-W(?<week>\d{2})|-Q(?<quarter>[1-4])|-(?<month>\d{2}))?$")]
    private static partial Regex Iso();
}
