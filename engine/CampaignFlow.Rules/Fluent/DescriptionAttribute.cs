namespace CampaignFlow.Rules.Fluent;

/// <summary>What the rule checks, for people.</summary>
/// <param name="value">The value.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class DescriptionAttribute(string value) : Attribute
{
    /// <summary>The value.</summary>
    public string Value { get; } = value;
}
