namespace CampaignFlow.Plans.Syntax;

/// <summary>Marks a key a plan must write; its absence is reported where the enclosing mapping starts.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlanRequiredAttribute : Attribute;
