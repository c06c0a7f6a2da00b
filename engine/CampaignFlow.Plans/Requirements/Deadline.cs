using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>Done by a day (2月28日前召开动员大会): the first qualifying record must fall on or before it.</summary>
public sealed record Deadline : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Deadline;

    /// <summary>The last day allowed.</summary>
    public required DateOnly By { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-deadline", [Subject.Id, DayMark + By.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
}
