namespace CampaignFlow.Plans.Requirements.Conditions;

/// <summary>At least one part holds (<c>any: [{ siteKind: township }, { siteKind: community }]</c>).</summary>
/// <param name="Items">The parts.</param>
public sealed record AnyOf(IReadOnlyList<WhereCondition> Items) : WhereCondition
{
    /// <inheritdoc />
    public override string Text => $"any({string.Join(" | ", Items.Select(i => i.Text))})";

    /// <inheritdoc />
    public override bool Matches(IReadOnlyDictionary<string, string> attributes) => Items.Any(i => i.Matches(attributes));

    // None holds: each says what failed, so the reader sees every way it could have counted.
    /// <inheritdoc />
    public override string? Failing(IReadOnlyDictionary<string, string> attributes) =>
        Matches(attributes) ? null : $"any({string.Join(" | ", Items.Select(i => i.Failing(attributes)))})";

    /// <inheritdoc />
    public override IEnumerable<WhereCondition> Parts() => Items.SelectMany(i => i.Parts()).Prepend(this);

    /// <inheritdoc />
    public bool Equals(AnyOf? other) => other is not null && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
}
