namespace CampaignFlow.Rules.RuleModel;

/// <summary>
/// One element of a rule's left-hand side. Elements are matched in order; each may refer to the
/// declarations bound by the elements before it.
/// </summary>
public abstract record RuleElement;
