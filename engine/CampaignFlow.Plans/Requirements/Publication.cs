using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>A document published to an audience (整改方案在本单位公示; 个人整改方案向支部党员公布).</summary>
public sealed record Publication : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Publication;

    /// <summary>Whom it is published to.</summary>
    public required Audience Audience { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-publication", [Subject.Id, "@" + FormatWords.Kebab(Audience.ToString())]);
}
