using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Compliance.Violations;

/// <summary>
/// An item of a violation's evidence (what is missing, the figures compared) as a reader reads it. The evidence keeps
/// it as data — a record's key, an ISO day, hours as <c>16 h</c>, a role's id — for tools (the API's and
/// <c>--format json</c>'s <c>evidence</c>); for a Chinese reader the days are 2014年3月7日, the hours 16 小时 and roles
/// their titles. A record's key stays: it is what the reader looks the record up by.
/// </summary>
public static partial class EvidenceWords
{
    /// <summary>The item in <paramref name="culture"/>: unchanged in English.</summary>
    /// <param name="item">The evidence's item.</param>
    /// <param name="roleTitle">A role's or an attribute value's title by its id (the plan's), or null to leave ids as written.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Of(string item, Func<string, string?>? roleTitle, CultureInfo culture)
    {
        if (!MessageTemplates.IsChinese(culture))
        {
            return item;
        }

        // A value the plan titles (a coverage's missing e-mailbox) is the whole item.
        if (roleTitle?.Invoke(item) is { Length: > 0 } title)
        {
            return title;
        }

        var text = Hours().Replace(item, m => m.Groups["n"].Value + " 小时");
        text = BracketedDay().Replace(text, m => "（" + ChineseArguments.Chinese(Day(m.Groups["day"].Value)) + "）");
        text = IsoDay().Replace(text, m => ChineseArguments.Chinese(Day(m.Value)));
        if (roleTitle is not null)
        {
            text = RoleCount().Replace(text, m => (roleTitle(m.Groups["role"].Value) ?? m.Groups["role"].Value) + " " + m.Groups["count"].Value);
        }

        // The record's words first, its key after them in brackets: what a reader looks the record up by, not the subject.
        if (LeadingKey().Match(text) is { Success: true } keyed)
        {
            var rest = keyed.Groups["rest"].Value;
            text = TrailingBracket().Match(rest) is { Success: true } bracket
                ? $"{bracket.Groups["words"].Value}（{keyed.Groups["key"].Value}，{bracket.Groups["inside"].Value}）"
                : $"{rest}（{keyed.Groups["key"].Value}）";
        }

        return text;
    }

    // A record's key (hyphenated: research-group-5, rect-04) before the rest of the item, not a role's count (0/1).
    [GeneratedRegex(@"^(?<key>[a-z][a-z0-9]*(?:-[a-z0-9]+)+):? (?<rest>(?!\d+/\d+).+)$")]
    private static partial Regex LeadingKey();

    [GeneratedRegex(@"^(?<words>.+)（(?<inside>[^（）]+)）$")]
    private static partial Regex TrailingBracket();

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![\w-])(?<n>\d+(?:\.\d+)?) h(?!\w)")]
    private static partial Regex Hours();

    // A day in brackets after Chinese (an overdue ledger item's deadline): no space, full-width brackets.
    [GeneratedRegex(@"\s?\((?<day>\d{4}-\d{2}-\d{2})\)")]
    private static partial Regex BracketedDay();

    // Whole dates only: a key such as talk-2014-03-07 keeps its text.
    [GeneratedRegex(@"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")]
    private static partial Regex IsoDay();

    // An attendance short of a role: leadership 0/1.
    [GeneratedRegex(@"(?<![\w-])(?<role>[a-z][a-z-]*) (?<count>\d+/\d+)")]
    private static partial Regex RoleCount();
}
