using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>The unit's activities span at least a length, from the first to the last (集中教育时间一般不少于3个月).</summary>
public sealed record TotalSpan : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.TotalSpan;

    /// <summary>The least span as written.</summary>
    public required Quantity Minimum { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-span", [Minimum.Text]);
}
