namespace CampaignFlow.Rules.RuleModel;

/// <summary>Holds while at least one fact matches <see cref="Pattern"/>. Binds nothing and matches once however many facts match.</summary>
/// <param name="Pattern">The pattern that must have a match.</param>
public sealed record ExistsElement(PatternElement Pattern) : RuleElement;
