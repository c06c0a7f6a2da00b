namespace CampaignFlow.Plans.Requirements.Conditions;

/// <summary>Every part holds (<c>all: […]</c>, and the pairs of one mapping).</summary>
/// <param name="Items">The parts; none means any activity of the kind.</param>
public sealed record AllOf(IReadOnlyList<WhereCondition> Items) : WhereCondition
{
    /// <summary>No condition: every activity of the kind counts.</summary>
    public static AllOf Nothing { get; } = new([]);

    /// <summary>The plain pairs of a mapping (<c>where: { byExpert: true }</c>).</summary>
    /// <param name="pairs">Attribute values.</param>
    public static AllOf Of(IReadOnlyDictionary<string, string> pairs) =>
        new(pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (WhereCondition)new AttributeIs(p.Key, p.Value)).ToArray());

    /// <summary>True when every part is an attribute's value (the form before <c>all</c>/<c>any</c>/<c>not</c>).</summary>
    public bool IsPlain => Items.All(i => i is AttributeIs);

    /// <inheritdoc />
    public override string Text => string.Join(", ", Items.Select(i => i.Text));

    /// <inheritdoc />
    public override bool Matches(IReadOnlyDictionary<string, string> attributes) => Items.All(i => i.Matches(attributes));

    /// <inheritdoc />
    public override string? Failing(IReadOnlyDictionary<string, string> attributes)
    {
        var failing = Items.Select(i => i.Failing(attributes)).OfType<string>().ToArray();
        return failing.Length == 0 ? null : string.Join(", ", failing);
    }

    /// <inheritdoc />
    public override IEnumerable<WhereCondition> Parts() => Items.SelectMany(i => i.Parts()).Prepend(this);

    /// <inheritdoc />
    public bool Equals(AllOf? other) => other is not null && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
}
