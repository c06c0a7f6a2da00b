namespace CampaignFlow.Rules.Fluent;

/// <summary>The rule's human-readable name.</summary>
/// <param name="value">The value.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class NameAttribute(string value) : Attribute
{
    /// <summary>The value.</summary>
    public string Value { get; } = value;
}
