namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// Lets a mapping be written as a single scalar that fills this property: <c>supervisor: 区委督导组</c> for
/// <c>supervisor: { name: 区委督导组 }</c>, <c>who: leadership</c> for <c>who: { role: leadership }</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ShorthandAttribute : Attribute;
