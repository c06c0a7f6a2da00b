using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>An amount of an attribute of the subject reached in the window (培训1200名, 征集意见).</summary>
public sealed record QuantityTarget : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.QuantityTarget;

    /// <summary>The attribute summed.</summary>
    public required string Attribute { get; init; }

    /// <summary>The target as written.</summary>
    public required Quantity Target { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-quantity", [Subject.Id, Attribute, Target.Text]);
}
