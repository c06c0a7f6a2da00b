namespace CampaignFlow.Plans.Requirements;

/// <summary>
/// Each occurrence is done after an occurrence of other actions of its own, one no earlier occurrence used
/// (班子成员的调研报告…不符合要求的要重新进行调研: a resubmitted report needs a new research trip after the return).
/// </summary>
public sealed record OrderEach : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.OrderEach;

    /// <summary>Actions each occurrence must follow with an occurrence of its own.</summary>
    public required IReadOnlyList<string> After { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-order-each", [Subject.Id, string.Join(", ", After)]);
}
