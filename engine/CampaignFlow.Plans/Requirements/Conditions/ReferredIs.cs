namespace CampaignFlow.Plans.Requirements.Conditions;

/// <summary>
/// What an attribute names meets a condition of its own (<c>place: { kind: township }</c>: the place a trip went to
/// is a township). The things the plan knows of that kind (its <c>places:</c>) are resolved into <see cref="Known"/>,
/// so judging needs nothing but the activity: a value the plan does not know meets nothing.
/// </summary>
/// <param name="Attribute">The activity's attribute that names the thing.</param>
/// <param name="Condition">What the thing's attributes must be.</param>
public sealed record ReferredIs(string Attribute, WhereCondition Condition) : WhereCondition
{
    /// <summary>The things the attribute may name, by id, with their attributes (filled when the plan is resolved).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Known { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <inheritdoc />
    public override string Text => Condition is AttributeIs or AllOf { Items.Count: 1 } ? $"{Attribute}.{Condition.Text}" : $"{Attribute}({Condition.Text})";

    /// <inheritdoc />
    public override bool Matches(IReadOnlyDictionary<string, string> attributes) =>
        Thing(attributes) is { } thing && Condition.Matches(thing);

    /// <inheritdoc />
    public override string? Failing(IReadOnlyDictionary<string, string> attributes)
    {
        if (Matches(attributes))
        {
            return null;
        }

        var named = Recorded(attributes, Attribute);
        return Thing(attributes) is { } thing ? $"{Attribute}: {named} → {Condition.Failing(thing)}" : $"{Attribute}: {named} → ∅ ({Text})";
    }

    /// <inheritdoc />
    public override IEnumerable<WhereCondition> Parts() => [this];

    /// <inheritdoc />
    public bool Equals(ReferredIs? other) => other is not null && Attribute == other.Attribute && Condition.Equals(other.Condition);

    /// <inheritdoc />
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    private IReadOnlyDictionary<string, string>? Thing(IReadOnlyDictionary<string, string> attributes) =>
        attributes.TryGetValue(Attribute, out var id)
            ? Known.GetValueOrDefault(id) ?? Known.FirstOrDefault(k => string.Equals(k.Key, id, StringComparison.OrdinalIgnoreCase)).Value
            : null;
}
