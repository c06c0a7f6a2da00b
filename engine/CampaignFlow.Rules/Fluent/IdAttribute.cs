namespace CampaignFlow.Rules.Fluent;

/// <summary>The rule's stable id (the class's full name by default).</summary>
/// <param name="value">The value.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class IdAttribute(string value) : Attribute
{
    /// <summary>The value.</summary>
    public string Value { get; } = value;
}
