using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Requirements.Conditions;

/// <summary>
/// What an activity must be to count (<c>where:</c>): attribute values, combined with <c>all</c>, <c>any</c> and
/// <c>not</c>, and the attributes of what an attribute names (the place a trip went to). Judged on the activity's
/// attributes alone: what a reference names is resolved with the plan, so judging reads nothing else.
/// </summary>
public abstract record WhereCondition
{
    /// <summary>Where it is written (the key that states it), for findings; null when not written in a plan.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The condition as the plan writes it, short: <c>siteKind: township</c>, <c>any(…)</c>, <c>not(…)</c>, <c>place.kind: township</c>.</summary>
    public abstract string Text { get; }

    /// <summary>True when <paramref name="attributes"/> meet it.</summary>
    /// <param name="attributes">An activity's attributes (or a referred thing's).</param>
    public abstract bool Matches(IReadOnlyDictionary<string, string> attributes);

    /// <summary>
    /// The part that fails on <paramref name="attributes"/>, with what was recorded instead (<c>siteKind: township ≠
    /// enterprise</c>, ∅ for nothing), or null when it is met.
    /// </summary>
    /// <param name="attributes">An activity's attributes.</param>
    public abstract string? Failing(IReadOnlyDictionary<string, string> attributes);

    /// <summary>Every condition inside this one, itself first (a reference's own condition too).</summary>
    public abstract IEnumerable<WhereCondition> Parts();

    /// <summary>The recorded value of <paramref name="attribute"/> as a finding shows it: ∅ when not recorded.</summary>
    /// <param name="attributes">Attributes.</param>
    /// <param name="attribute">One of them.</param>
    protected static string Recorded(IReadOnlyDictionary<string, string> attributes, string attribute) =>
        attributes.TryGetValue(attribute, out var value) ? value : "∅";
}
