namespace CampaignFlow.Plans.Syntax;

/// <summary>The YAML key of a property, when it is not the property's name in camelCase.</summary>
/// <param name="name">The key as written in plans.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PlanKeyAttribute(string name) : Attribute
{
    /// <summary>The key as written in plans.</summary>
    public string Name { get; } = name;
}
