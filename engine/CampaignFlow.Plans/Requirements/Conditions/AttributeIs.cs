namespace CampaignFlow.Plans.Requirements.Conditions;

/// <summary>An attribute has a value, letter case aside (<c>siteKind: township</c>).</summary>
/// <param name="Attribute">The attribute.</param>
/// <param name="Value">The value asked for.</param>
public sealed record AttributeIs(string Attribute, string Value) : WhereCondition
{
    /// <inheritdoc />
    public override string Text => $"{Attribute}: {Value}";

    /// <inheritdoc />
    public override bool Matches(IReadOnlyDictionary<string, string> attributes) =>
        attributes.TryGetValue(Attribute, out var value) && string.Equals(value, Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string? Failing(IReadOnlyDictionary<string, string> attributes) =>
        Matches(attributes) ? null : $"{Text} ≠ {Recorded(attributes, Attribute)}";

    /// <inheritdoc />
    public override IEnumerable<WhereCondition> Parts() => [this];
}
