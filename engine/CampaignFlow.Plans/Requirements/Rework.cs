using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>The action is done again when its evaluation reaches a threshold, or a reviewer returns it, or a test is failed.</summary>
public sealed record Rework : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Rework;

    /// <summary>The condition as written.</summary>
    public required ReworkCondition Condition { get; init; }

    /// <inheritdoc />
    /// <remarks>An outcome (returned, failed) is a word of the format, said in the reader's language.</remarks>
    public override (string Code, string[] Arguments) Statement =>
        ("req-rework", [Subject.Id, Condition.Outcome is { } outcome ? "@outcome-" + outcome : Condition.Text]);
}
