using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>A number of occurrences within the window: at least, or exactly (四次集中专题学习; 召开一次民主生活会).</summary>
public sealed record CountInWindow : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.CountInWindow;

    /// <summary>The least number of occurrences.</summary>
    public required int AtLeast { get; init; }

    /// <summary>The most, when the plan says exactly; otherwise null.</summary>
    public int? AtMost { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement =>
        (AtMost == AtLeast ? "req-count-exactly" : "req-count-at-least", [Subject.Id, AtLeast.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
}
