namespace CampaignFlow.Rules.Explaining;

/// <summary>
/// "Why did this rule (not) fire?": the rule's chain of nodes in order, each with what reached it, what passed, and
/// how it fared for one fact (or for the rule alone).
/// </summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Fact">The fact explained, or <c>null</c> when the rule is explained alone.</param>
/// <param name="InWorkingMemory">Whether the fact is in the session (always <c>true</c> for a rule alone).</param>
/// <param name="Nodes">The nodes, in the order the network chains them: each pattern's type and alpha tests, then its join, not, exists or aggregate node, filters, and the terminal.</param>
/// <param name="Matched">
/// Whether the session holds an activation of the rule with the fact (any activation, for a rule alone): the network's
/// own answer, against which the nodes' evaluation can be checked (they agree unless the fact is absent).
/// </param>
public sealed record RuleExplanation(string RuleId, object? Fact, bool InWorkingMemory, IReadOnlyList<NodeExplanation> Nodes, bool Matched)
{
    /// <summary>Whether every node held for the fact: the evaluation's answer to "does the rule match it?".</summary>
    public bool Holds => Nodes.Count > 0 && Nodes[^1].Outcome == NodeOutcome.Held;

    /// <summary>The first node that stopped the fact (failed, found no partner, blocked), or <c>null</c> when it got through.</summary>
    public NodeExplanation? FirstFailure => Nodes.FirstOrDefault(n => n.Outcome is NodeOutcome.Failed or NodeOutcome.NoPartner or NodeOutcome.Blocked);
}
