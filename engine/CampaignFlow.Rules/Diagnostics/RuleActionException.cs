namespace CampaignFlow.Rules.Diagnostics;

/// <summary>A rule's action threw while the rule fired. The activation is consumed; the session remains usable.</summary>
public sealed class RuleActionException : RuleException
{
    internal RuleActionException(RuleMatch match, Exception inner)
        : base($"Action of rule '{match.Rule.Id}' threw {inner.GetType().Name}: {inner.Message} (match: {match})", [match.Rule.Id], match.Facts.Select(f => f.Value).ToArray(), inner)
    {
        Match = match;
    }

    /// <summary>The match the rule was firing for.</summary>
    public RuleMatch Match { get; }
}
