namespace CampaignFlow.Rules.Diagnostics;

/// <summary>A fact entered, changed in or left working memory.</summary>
/// <param name="fact">The fact.</param>
/// <param name="source">For a linked fact, the match that yielded it; otherwise <c>null</c>.</param>
public sealed class FactEventArgs(object fact, RuleMatch? source) : EventArgs
{
    /// <summary>The fact.</summary>
    public object Fact { get; } = fact;

    /// <summary>For a linked fact, the match that yielded it; otherwise <c>null</c>.</summary>
    public RuleMatch? Source { get; } = source;
}
