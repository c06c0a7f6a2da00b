using CampaignFlow.Rules.Diagnostics;

namespace CampaignFlow.Rules.Explaining;

/// <summary>One node of a rule's chain, as <see cref="Runtime.ISession.Explain(string, object?)"/> found it.</summary>
/// <param name="Kind">The kind of node.</param>
/// <param name="Declaration">The declaration the node is about (the pattern's variable, the aggregate's result); empty for the terminal.</param>
/// <param name="Condition">The node's test as written: a type name, a condition term, a join's terms, a rule id for the terminal.</param>
/// <param name="Reached">
/// How many reached the node: facts of working memory for a type node, facts of the type (and earlier alpha terms) for an
/// alpha node, partial matches (tokens) for every other node. Once the explained fact is bound, only partial matches
/// that hold it are counted.
/// </param>
/// <param name="Passed">How many of those went on (for an aggregate, how many results it made).</param>
/// <param name="Outcome">How the node fared for the explained fact, or for any partial match when the rule is explained alone.</param>
public sealed record NodeExplanation(NodeKind Kind, string Declaration, string Condition, int Reached, int Passed, NodeOutcome Outcome)
{
    /// <summary>The term that did not hold, when <see cref="Outcome"/> is <see cref="NodeOutcome.Failed"/>.</summary>
    public string? FailedCondition { get; init; }

    /// <summary>
    /// What the fact was tested with when the node failed or blocked: for a join, the partner that came nearest (the
    /// most terms held; the earlier declarations' values, or the candidate fact); for a not node, the fact that blocks.
    /// Empty when there was no partner.
    /// </summary>
    public IReadOnlyList<BoundFact> Partner { get; init; } = [];

    /// <summary>For an aggregate: how many facts it aggregated over the partial matches counted in <see cref="Reached"/>.</summary>
    public int? Aggregated { get; init; }
}
