using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>At most an amount, over the whole window or in every period of it (每年发文不超过25个).</summary>
public sealed record Cap : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Cap;

    /// <summary>The period counted over, or null for the whole window.</summary>
    public Recurrence? Every { get; init; }

    /// <summary>The maximum as written.</summary>
    public required Quantity Maximum { get; init; }

    /// <summary>The maximum in hours for working time, else the count or amount.</summary>
    public required decimal MaximumValue { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-cap", [Every is { } e ? "@" + FormatWords.Kebab(e.ToString()) : "@window", Subject.Id, Maximum.Text]);
}
