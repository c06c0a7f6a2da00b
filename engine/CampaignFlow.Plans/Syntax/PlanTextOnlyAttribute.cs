namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// Marks a text key whose value must be written as text: a bare scalar that YAML (and JSON) reads as a number or a
/// boolean (<c>123</c>, <c>true</c>) is refused instead of being taken by its spelling. For ids compared as text,
/// such as a record's key, where <c>123</c>, <c>0123</c> and <c>"123"</c> would otherwise be told apart or not by
/// accident of spelling.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlanTextOnlyAttribute : Attribute;
