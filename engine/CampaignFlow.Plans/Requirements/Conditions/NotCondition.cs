namespace CampaignFlow.Plans.Requirements.Conditions;

/// <summary>The part does not hold (<c>not: { siteKind: enterprise }</c>).</summary>
/// <param name="Item">The part.</param>
public sealed record NotCondition(WhereCondition Item) : WhereCondition
{
    /// <inheritdoc />
    public override string Text => $"not({Item.Text})";

    /// <inheritdoc />
    public override bool Matches(IReadOnlyDictionary<string, string> attributes) => !Item.Matches(attributes);

    /// <inheritdoc />
    public override string? Failing(IReadOnlyDictionary<string, string> attributes) =>
        Matches(attributes) ? null : $"{Text} = {string.Join(", ", Item.Parts().OfType<AttributeIs>().Select(a => $"{a.Attribute}: {Recorded(attributes, a.Attribute)}").Distinct())}";

    /// <inheritdoc />
    public override IEnumerable<WhereCondition> Parts() => Item.Parts().Prepend(this);
}
