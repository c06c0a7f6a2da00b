namespace CampaignFlow.Rules.RuleModel;

/// <summary>Holds while no fact matches <see cref="Pattern"/>. Binds nothing.</summary>
/// <param name="Pattern">The pattern that must have no match.</param>
public sealed record NotElement(PatternElement Pattern) : RuleElement;
