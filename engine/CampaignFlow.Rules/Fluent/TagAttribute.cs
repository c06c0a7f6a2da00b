namespace CampaignFlow.Rules.Fluent;

/// <summary>A label of the rule; repeat the attribute for several.</summary>
/// <param name="value">The value.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class TagAttribute(string value) : Attribute
{
    /// <summary>The value.</summary>
    public string Value { get; } = value;
}
