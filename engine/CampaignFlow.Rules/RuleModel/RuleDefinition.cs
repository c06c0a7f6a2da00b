namespace CampaignFlow.Rules.RuleModel;

/// <summary>
/// A rule as plain, immutable data: metadata, the elements its facts must match, and the actions to run.
/// The fluent DSL and the <see cref="Builder.RuleBuilder"/> both produce this; the compiler consumes it.
/// </summary>
/// <param name="Id">A stable identifier, unique within a rule set; carried by diagnostics and exceptions.</param>
/// <param name="Name">A human-readable name.</param>
/// <param name="Description">What the rule checks, for people.</param>
/// <param name="Tags">Free labels for selecting and reporting rules.</param>
/// <param name="Priority">Activations of rules with higher priority fire first.</param>
/// <param name="Conditions">The left-hand side, matched in order.</param>
/// <param name="Actions">The right-hand side, run in order when the rule fires.</param>
public sealed record RuleDefinition(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<string> Tags,
    int Priority,
    IReadOnlyList<RuleElement> Conditions,
    IReadOnlyList<ActionElement> Actions);
