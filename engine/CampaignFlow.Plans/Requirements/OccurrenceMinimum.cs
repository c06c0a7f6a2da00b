using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>Each occurrence of the subject reaches an amount of one of its attributes (每个调研组走访10户困难户).</summary>
public sealed record OccurrenceMinimum : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.OccurrenceMinimum;

    /// <summary>The attribute each occurrence records (households).</summary>
    public required string Attribute { get; init; }

    /// <summary>The minimum as written (10户).</summary>
    public required Quantity Minimum { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-occurrence-minimum", [Subject.Id, Attribute, Minimum.Text]);
}
