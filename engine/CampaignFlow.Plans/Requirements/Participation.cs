using System.Globalization;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>Everyone of a set takes part in each occurrence (每名党员都要参加).</summary>
public sealed record Participation : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Participation;

    /// <summary>The roster ids of everyone who must take part.</summary>
    public required IReadOnlyList<string> Participants { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-participation", [Subject.Id, Participants.Count.ToString(CultureInfo.InvariantCulture)]);
}
