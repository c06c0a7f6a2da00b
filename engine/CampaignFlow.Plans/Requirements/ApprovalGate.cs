using System.Globalization;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Requirements;

/// <summary>A document approved by a chain of reviewers, each after the one before, before the actions it gates are held.</summary>
public sealed record ApprovalGate : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.ApprovalGate;

    /// <summary>The roles that approve, in order.</summary>
    public required IReadOnlyList<string> Chain { get; init; }

    /// <summary>Longer or shorter chains for authors of some ranks (逐级审核).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> ChainByRank { get; init; }

    /// <summary>The actions that may not be held before the approval.</summary>
    public required IReadOnlyList<string> Gates { get; init; }

    /// <inheritdoc />
    /// <remarks>A gate that holds no action back is said without the actions it would hold.</remarks>
    public override (string Code, string[] Arguments) Statement => (Gates.Count == 0 ? "req-gate-alone" : "req-gate", [Subject.Id, string.Join(" → ", Chain), string.Join(", ", Gates)]);
}
