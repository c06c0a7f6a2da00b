using System.Runtime.CompilerServices;

namespace CampaignFlow.Rules.Runtime;

/// <summary>An object as a key by identity: two equal records are two facts, one object inserted twice is one.</summary>
/// <param name="Value">The object.</param>
internal readonly record struct ObjectIdentity(object Value)
{
    /// <inheritdoc />
    public bool Equals(ObjectIdentity other) => ReferenceEquals(Value, other.Value);

    /// <inheritdoc />
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(Value);
}
