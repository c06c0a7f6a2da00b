using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Resolution;

/// <summary>A kind of activity units record, from a plan's vocabulary.</summary>
/// <param name="Title">The Chinese title, e.g. 集中学习.</param>
/// <param name="Attributes">Attributes a record of this kind may carry (includesCriticism, theme, opinions…); empty when none are declared.</param>
public sealed record ActivityKind(string Title, IReadOnlyList<string> Attributes)
{
    /// <summary>The values an attribute may take, for the attributes whose values the plan lists; empty when none are listed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Attributes whose value names a thing the plan knows, and which (<c>place: places</c>); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Refers { get; init; } = new Dictionary<string, string>();

    /// <summary>The titles the plan gives attributes (<c>siteKind: 示范点类型</c>); empty when none.</summary>
    public IReadOnlyDictionary<string, string> AttributeTitles { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// What a reader of <paramref name="culture"/> calls <paramref name="attribute"/>: in Chinese the plan's title for
    /// it, else the catalogue's word for a common one (措施), else the name as written; in English the catalogue's word
    /// or the name (the plan's titles are Chinese).
    /// </summary>
    /// <param name="attribute">The attribute's name as records write it.</param>
    /// <param name="culture">The reader's culture.</param>
    public string AttributeWord(string attribute, CultureInfo culture) =>
        MessageTemplates.IsChinese(culture) && AttributeTitles.TryGetValue(attribute, out var title) && title.Length > 0
            ? title
            : MessageCatalog.AttributeWord(attribute, culture);

    /// <summary>The titles of values written as ids (<c>e-mailbox: 电子信箱</c>); empty when none.</summary>
    public IReadOnlyDictionary<string, string> ValueTitles { get; init; } = new Dictionary<string, string>();

    /// <summary>The title of an attribute's value, or the value itself when the plan gives it none.</summary>
    /// <param name="value">The value as records and the plan write it.</param>
    public string ValueTitle(string value) => ValueTitles.TryGetValue(value, out var title) && title.Length > 0 ? title : value;

    /// <summary>
    /// True when <paramref name="value"/> is one <paramref name="attribute"/> may take: one of its listed values
    /// (letter case aside, as records are matched), or any value when the plan lists none.
    /// </summary>
    /// <param name="attribute">The attribute.</param>
    /// <param name="value">A value written for it.</param>
    public bool Allows(string attribute, string value) =>
        !Values.TryGetValue(attribute, out var listed) || listed.Contains(value, StringComparer.OrdinalIgnoreCase);
}
