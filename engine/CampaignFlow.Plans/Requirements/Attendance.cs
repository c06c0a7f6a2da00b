using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>At least a number of people of each role attend, including roles from outside the unit (邀请督导组到会).</summary>
public sealed record Attendance : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Attendance;

    /// <summary>The least number of attendees by role.</summary>
    public required IReadOnlyDictionary<string, int> ByRole { get; init; }

    /// <summary>The number of attendees by role, neither more nor fewer (会议由班子成员5人参加).</summary>
    public IReadOnlyDictionary<string, int> ExactlyByRole { get; init; } = new Dictionary<string, int>();

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-attendance",
        [Subject.Id, string.Join(", ", ByRole.Select(r => $"{r.Key} >= {r.Value}").Concat(ExactlyByRole.Select(r => $"{r.Key} = {r.Value}")))]);
}
