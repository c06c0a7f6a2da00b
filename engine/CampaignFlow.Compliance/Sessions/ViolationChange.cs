using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Sessions;

/// <summary>A violation opening, changing (its evidence) or resolving, at a moment of the unit's clock.</summary>
/// <param name="At">When, by the unit's clock (the time of the record or of the closing that caused it).</param>
/// <param name="Kind">Opened, changed or resolved.</param>
/// <param name="Violation">The violation as it stood (for a resolution, as it last stood before it).</param>
public sealed record ViolationChange(DateTimeOffset At, ViolationChangeKind Kind, Violation Violation)
{
    /// <summary>
    /// The keys of the records that caused a change or a resolution (those of the moment that bear on the violation:
    /// of its requirement, its period and its target, or an exception for its action); empty for an opening, which a
    /// period's closing causes. For a requirement over the units below, the one record that brought it over the line,
    /// as <c>unit/key</c> (keys are unique only within a unit).
    /// </summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    /// <summary>
    /// The evidence after the step: the violation's own for an opening or a change; for a resolution, what the records
    /// show once it resolved (the records that now count and the figure reached), not the evidence it opened with.
    /// </summary>
    public Evidence Evidence => After ?? Violation.Evidence;

    /// <summary>For a resolution, what the records show after it; null for the other steps.</summary>
    public Evidence? After { get; init; }
}
