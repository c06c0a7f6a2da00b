using CampaignFlow.Rules.Rete;

namespace CampaignFlow.Rules.Diagnostics;

/// <summary>
/// A rule's condition threw while facts were being matched. The operation that triggered the match (insert,
/// update, retract) did not complete; discard the session, whose memory may be partly updated.
/// </summary>
public sealed class RuleConditionException : RuleException
{
    private RuleConditionException(string message, IReadOnlyList<string> ruleIds, IReadOnlyList<object> facts, Exception inner)
        : base(message, ruleIds, facts, inner)
    {
    }

    /// <summary>The failing condition, as text.</summary>
    public string Condition { get; private init; } = string.Empty;

    internal static RuleConditionException Create(ReteNode node, string condition, IReadOnlyList<object> facts, Exception inner) =>
        new(
            $"Condition '{condition}' of rule '{string.Join("', '", node.RuleIds)}' threw {inner.GetType().Name}: {inner.Message} (facts: {string.Join(", ", facts)})",
            node.RuleIds,
            facts,
            inner)
        {
            Condition = condition,
        };

    internal static RuleConditionException Create(string ruleId, string condition, IReadOnlyList<object> facts, Exception inner) =>
        new(
            $"Condition '{condition}' of rule '{ruleId}' threw {inner.GetType().Name}: {inner.Message} (facts: {string.Join(", ", facts)})",
            [ruleId],
            facts,
            inner)
        {
            Condition = condition,
        };
}
