using System.ComponentModel;

namespace CampaignFlow.Plans.Syntax;

/// <summary>A kind of activity units record (the vocabulary of a plan).</summary>
public sealed record ActivityKindSpec : PlanNode
{
    /// <summary>The Chinese title, e.g. 集中学习.</summary>
    [PlanRequired, Shorthand, Description("The title, e.g. 集中学习.")]
    public string Title { get; init; } = "";

    /// <summary>Attributes a record of this kind may carry (includesCriticism, theme, opinions…).</summary>
    [Description("Attributes a record of this kind may carry, e.g. includesCriticism, theme, opinions, unsatisfied.")]
    public IReadOnlyList<string>? Attributes { get; init; }

    /// <summary>The Chinese titles of those attributes, by attribute: <c>{ siteKind: 示范点类型 }</c>.</summary>
    [Description("The titles of attributes, e.g. { siteKind: 示范点类型 }: recording forms and Chinese output say an attribute by its title (else by the catalogue's word for common ones, else as written), JSON and records keep the name.")]
    public IReadOnlyDictionary<string, string>? AttributeTitles { get; init; }

    /// <summary>The values some of those attributes may take: <c>where</c>, <c>covers</c> and records are checked against them.</summary>
    [Description("The values an attribute may take, e.g. { siteKind: [enterprise, township, community] }: a where, a covers value or a record with another is an error (with the closest value).")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Values { get; init; }

    /// <summary>The Chinese titles of values written in ASCII, by value: <c>{ e-mailbox: 电子信箱 }</c>.</summary>
    [Description("The titles of attribute values written as ids, e.g. { e-mailbox: 电子信箱, microblog: 微博 }: Chinese output says a value by its title, JSON keeps the id.")]
    public IReadOnlyDictionary<string, string>? ValueTitles { get; init; }

    /// <summary>Attributes whose value names a thing the plan knows, and which: <c>{ place: places }</c>.</summary>
    [Description("Attributes whose value names a thing the plan knows, e.g. { place: places } (the plan's places:): a where may then test that thing's attributes (where: { place: { kind: township } }).")]
    public IReadOnlyDictionary<string, string>? Refers { get; init; }
}
