using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// A statement's values in Chinese by their names: the ids a requirement keeps (its actions, roles, attributes, a
/// ledger's fields) said as a Chinese reader of the plan says them. An action by the title of what it records (动员大会
/// for mobilization), an attribute or a field by the catalogue's word for it (<c>attr-…</c>), a role by its title, a
/// list with 、; an id nothing names is left as written.
/// </summary>
internal static partial class StatementWords
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Each action's short name: the title of its activity, document or ledger, else its own title.</summary>
    /// <param name="plan">The plan.</param>
    public static IReadOnlyDictionary<string, string> ActionNames(ResolvedPlan plan)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var action in plan.Actions)
        {
            var subject = action.Requirements.Select(r => r.Subject.Id).FirstOrDefault(id => Kind(id, plan.Vocabulary) is not null);
            names.TryAdd(action.Id, subject is not null ? Kind(subject, plan.Vocabulary)! : action.Title.Length > 0 ? action.Title : action.Id);
        }

        return names;
    }

    /// <summary>A value already put into words (days, hours, kinds' titles) with the names left in it said in Chinese.</summary>
    /// <param name="value">The value.</param>
    /// <param name="vocabulary">The plan's vocabulary.</param>
    /// <param name="actions">The plan's actions by short name.</param>
    public static string Chinese(string value, Vocabulary vocabulary, IReadOnlyDictionary<string, string> actions)
    {
        if (value.Contains(", ", StringComparison.Ordinal))
        {
            return string.Join("、", value.Split(", ").Select(part => Chinese(part, vocabulary, actions)));
        }

        if (Bound().Match(value) is { Success: true } bound)
        {
            var who = Chinese(bound.Groups["name"].Value, vocabulary, actions);
            return MessageCatalog.Format(bound.Groups["op"].Value == "=" ? "word-people-exactly" : "word-people-at-least", [who, bound.Groups["n"].Value], Zh);
        }

        if (Comparison().Match(value) is { Success: true } comparison)
        {
            var what = Chinese(comparison.Groups["name"].Value, vocabulary, actions);
            var word = comparison.Groups["op"].Value switch { ">=" => "word-reaches", ">" => "word-exceeds", "<=" => "word-at-most", _ => "word-below" };
            return MessageCatalog.Format(word, [what, comparison.Groups["value"].Value], Zh);
        }

        if (!Id().IsMatch(value))
        {
            return value;
        }

        return actions.GetValueOrDefault(value)
            ?? Kind(value, vocabulary)
            ?? vocabulary.Activities.Values.Select(a => a.AttributeTitles.GetValueOrDefault(value)).FirstOrDefault(t => t is { Length: > 0 })
            ?? MessageCatalog.AttributeWord(value, Zh);
    }

    private static string? Kind(string id, Vocabulary vocabulary) =>
        vocabulary.KindTitle(id) ?? (vocabulary.Roles.TryGetValue(id, out var role) && role.Title.Length > 0 ? role.Title : null);

    // An attendance bound: leadership >= 1, supervisor = 1.
    [GeneratedRegex(@"^(?<name>[A-Za-z][\w-]*) (?<op>>=|=) (?<n>\d+)$")]
    private static partial Regex Bound();

    // A condition on an attribute: unsatisfied >= 三分之一.
    [GeneratedRegex(@"^(?<name>[A-Za-z][\w-]*) (?<op>>=|<=|>|<) (?<value>\S+)$")]
    private static partial Regex Comparison();

    // A name of the plan's: an action, a role, an attribute, a field.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")]
    private static partial Regex Id();
}
