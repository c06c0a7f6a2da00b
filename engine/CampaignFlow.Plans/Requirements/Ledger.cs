using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>A ledger kept: every item carries the fields, and no item is past its deadline and not done.</summary>
public sealed record Ledger : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.Ledger;

    /// <summary>The fields every item must carry.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-ledger", [Subject.Id, string.Join(", ", Fields)]);
}
