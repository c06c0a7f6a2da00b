using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>Each occurrence lasts at least a time (会议时间不少于1天; 每次调研不少于2天).</summary>
public sealed record MinimumDuration : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.MinimumDuration;

    /// <summary>The minimum as written.</summary>
    public required Quantity Minimum { get; init; }

    /// <summary>The minimum in working hours.</summary>
    public required decimal MinimumHours { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-duration", [Subject.Id, Minimum.Text, Hours(MinimumHours)]);

    private static string Hours(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
