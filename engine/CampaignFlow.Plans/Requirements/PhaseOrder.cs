namespace CampaignFlow.Plans.Requirements;

/// <summary>
/// An action of a phase that the plan places by order, not by dates (动员会后，以支部为单位召开学习会议; links in the
/// order written): its first record comes after the first record of each thing the phase follows.
/// </summary>
public sealed record PhaseOrder : Requirement
{
    /// <inheritdoc />
    public override RequirementKind Kind => RequirementKind.PhaseOrder;

    /// <summary>The phase (or link) that follows, by whose <c>after</c> or place in an ordered phase this holds.</summary>
    public required string Phase { get; init; }

    /// <summary>The phase's title, for statements.</summary>
    public string PhaseTitle { get; init; } = "";

    /// <summary>What the phase follows.</summary>
    public required IReadOnlyList<PhaseReference> Follows { get; init; }

    /// <inheritdoc />
    public override (string Code, string[] Arguments) Statement => ("req-phase-order", [Subject.Id, PhaseTitle.Length > 0 ? PhaseTitle : Phase, string.Join("、", Follows.Select(f => f.Title))]);
}
