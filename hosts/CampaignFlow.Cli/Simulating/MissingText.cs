using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Cli.Simulating;

/// <summary>
/// A violation's missing item as a Chinese reader reads it under the table's line. The evidence keeps it as data (the
/// record's key, an ISO day, hours as <c>16 h</c>, a role's id: what <c>--format json</c> gives a tool); in Chinese the
/// days are said as 2014年3月7日, hours as 16 小时 and roles by their titles, from the catalogue. The record's key stays:
/// it is what the reader looks the record up by.
/// </summary>
internal static partial class MissingText
{
    /// <summary>The item in <paramref name="culture"/>: as the evidence has it in English.</summary>
    /// <param name="missing">The evidence's item.</param>
    /// <param name="vocabulary">The plan's vocabulary, for roles' titles.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Of(string missing, Vocabulary vocabulary, CultureInfo culture)
    {
        if (!MessageTemplates.IsChinese(culture))
        {
            return missing;
        }

        var text = Hours().Replace(missing, m => CliMessages.Text("show-hours", culture, m.Groups["n"].Value));
        text = BracketedDay().Replace(text, m => "（" + Day(m.Groups["day"].Value, culture) + "）");
        text = IsoDay().Replace(text, m => Day(m.Value, culture));
        text = RoleCount().Replace(text, m => (vocabulary.Roles.TryGetValue(m.Groups["role"].Value, out var role) && role.Title.Length > 0 ? role.Title : m.Groups["role"].Value) + " " + m.Groups["count"].Value);
        return Spaced().Replace(text, "$1$2");
    }

    private static string Day(string iso, CultureInfo culture) =>
        CliMessages.Day(DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), culture);

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?) h\b")]
    private static partial Regex Hours();

    [GeneratedRegex(@"\s?\((?<day>\d{4}-\d{2}-\d{2})\)")]
    private static partial Regex BracketedDay();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDay();

    // An attendance short of a role: leadership 0/1.
    [GeneratedRegex(@"\b(?<role>[a-z][a-z-]*) (?<count>\d+/\d+)")]
    private static partial Regex RoleCount();

    // No space between a Chinese character and the next: 职工文化阵地开放不足 （…） reads as one.
    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs}) (（)")]
    private static partial Regex Spaced();
}
