namespace CampaignFlow.Rules.Diagnostics;

/// <summary>An activation was created, updated or deleted, or a rule fired.</summary>
/// <param name="match">The rule and the facts of the match.</param>
public sealed class ActivationEventArgs(RuleMatch match) : EventArgs
{
    /// <summary>The rule and the facts of the match.</summary>
    public RuleMatch Match { get; } = match;
}
