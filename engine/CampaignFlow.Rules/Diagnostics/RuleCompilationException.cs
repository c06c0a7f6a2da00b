namespace CampaignFlow.Rules.Diagnostics;

/// <summary>A rule definition cannot be compiled: an unknown declaration, a type mismatch, a malformed aggregate.</summary>
public sealed class RuleCompilationException : Exception
{
    internal RuleCompilationException(string ruleId, string message, Exception? inner = null)
        : base($"Rule '{ruleId}': {message}", inner)
    {
        RuleId = ruleId;
    }

    /// <summary>The rule that failed to compile.</summary>
    public string RuleId { get; }
}
