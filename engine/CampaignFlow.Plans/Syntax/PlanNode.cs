using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// A mapping of a plan file as written, with where it and each of its values stand in the file, so every later
/// check can point its finding at the exact line and column.
/// </summary>
public abstract record PlanNode
{
    /// <summary>Where the mapping (or its shorthand scalar) starts.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>
    /// Where each written value starts, by key; list items as <c>key[i]</c>, mapping entries as <c>key.name</c>.
    /// </summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>
    /// Where the value of a mapping entry starts, by <c>key.name</c>, when it stands apart from its name (a record's
    /// <c>with: { place: zhongxin-town }</c>); <see cref="KeyLocations"/> holds where the name stands.
    /// </summary>
    public IReadOnlyDictionary<string, SourceLocation> ValueLocations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>
    /// True when reading reported an error on one of this mapping's own keys or values: checks that combine its
    /// keys are skipped then, so one mistake yields one finding, not a cascade.
    /// </summary>
    public bool Damaged { get; init; }

    /// <summary>Where the value of <paramref name="key"/> starts, or the mapping's own start when it is not written.</summary>
    /// <param name="key">A key, <c>key[i]</c> or <c>key.name</c>.</param>
    public SourceLocation At(string key) => KeyLocations.TryGetValue(key, out var at) ? at : Location;

    /// <summary>
    /// Where the value of the mapping entry <paramref name="key"/> starts (a finding about what was written there), or
    /// where the entry stands when its value has no place of its own (a CSV cell holds both).
    /// </summary>
    /// <param name="key">A mapping entry, <c>key.name</c>.</param>
    public SourceLocation ValueAt(string key) => ValueLocations.TryGetValue(key, out var at) ? at : At(key);

    /// <summary>True when the plan wrote <paramref name="key"/>.</summary>
    /// <param name="key">A key.</param>
    public bool Has(string key) => KeyLocations.ContainsKey(key);
}
