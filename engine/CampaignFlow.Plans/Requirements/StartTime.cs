using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>Each occurrence of an activity starts at a time of day (3月7日下午3点召开动员大会).</summary>
public sealed record StartTime : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.StartTime;

    /// <summary>The time as the plan writes it.</summary>
    public required TimeOfDay At { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-start-time", [Subject.Id, At.Clock]);
}
