using CampaignFlow.Rules.RuleModel;

namespace CampaignFlow.Rules.Diagnostics;

/// <summary>
/// The evidence of an activation: the rule and the values that matched it, in the order the rule binds them.
/// A snapshot taken when the match is reported; later changes to working memory do not alter it.
/// </summary>
public sealed class RuleMatch
{
    internal RuleMatch(RuleDefinition rule, IReadOnlyList<BoundFact> facts)
    {
        Rule = rule;
        Facts = facts;
    }

    /// <summary>The rule that matched.</summary>
    public RuleDefinition Rule { get; }

    /// <summary>The matched facts and aggregate results, by declaration.</summary>
    public IReadOnlyList<BoundFact> Facts { get; }

    /// <summary>The value bound to a declaration.</summary>
    /// <param name="name">The declaration's name.</param>
    /// <exception cref="KeyNotFoundException">The rule binds no declaration of that name.</exception>
    public object this[string name] =>
        Facts.FirstOrDefault(f => f.Name == name)?.Value
        ?? throw new KeyNotFoundException($"Rule '{Rule.Id}' binds no declaration named '{name}'.");

    /// <inheritdoc />
    public override string ToString() => $"{Rule.Id}: {string.Join(", ", Facts.Select(f => $"{f.Name}={f.Value}"))}";
}
