using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>
/// Everyone of a set takes part in each occurrence (每名党员都要参加), or a share of them (参学率达到95%): judged at
/// each occurrence, so attending one session does not stand for missing another.
/// </summary>
public sealed record Participation : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Participation;

    /// <summary>The roster ids of everyone who must take part.</summary>
    public required IReadOnlyList<string> Participants { get; init; }

    /// <summary>
    /// With <see cref="Scope.Branch"/> or <see cref="Scope.Department"/>: for each branch or department, the
    /// selected people who belong to it and must take part in its own occurrence (领导班子成员参加所在支部会议).
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> ByTarget { get; init; }

    /// <summary>
    /// How many occurrences must be attended so, when the action asks for a number of them (召开一次专题组织生活会：
    /// one meeting attended by everyone is enough, a further make-up session is not held against it); null when every
    /// occurrence must be (集中学习时间在21天以上，参学率达到100%: each session of the 21 days).
    /// </summary>
    public int? Occurrences { get; init; }

    /// <summary>The share of <see cref="Participants"/> (of a branch's, per branch) who must attend each occurrence; null for every one.</summary>
    public Fraction? Rate { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => Rate is { } rate
        ? ("req-participation-rate", [Subject.Id, Participants.Count.ToString(CultureInfo.InvariantCulture), rate.Text])
        : ("req-participation", [Subject.Id, Participants.Count.ToString(CultureInfo.InvariantCulture)]);
}
