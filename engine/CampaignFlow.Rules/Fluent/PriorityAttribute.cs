namespace CampaignFlow.Rules.Fluent;

/// <summary>The rule's priority; higher fires first.</summary>
/// <param name="value">The value.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class PriorityAttribute(int value) : Attribute
{
    /// <summary>The value.</summary>
    public int Value { get; } = value;
}
