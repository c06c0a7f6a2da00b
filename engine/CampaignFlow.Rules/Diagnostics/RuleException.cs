namespace CampaignFlow.Rules.Diagnostics;

/// <summary>A condition or an action of a rule threw; carries which rule and which facts.</summary>
public abstract class RuleException : Exception
{
    private protected RuleException(string message, IReadOnlyList<string> ruleIds, IReadOnlyList<object> facts, Exception inner)
        : base(message, inner)
    {
        RuleIds = ruleIds;
        Facts = facts;
    }

    /// <summary>The rule whose condition or action failed (the first of <see cref="RuleIds"/> for a shared condition).</summary>
    public string RuleId => RuleIds.Count > 0 ? RuleIds[0] : string.Empty;

    /// <summary>Every rule that uses the failing condition (conditions are shared between rules), or the one rule whose action failed.</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>The facts the condition or action was evaluated on.</summary>
    public IReadOnlyList<object> Facts { get; }
}
