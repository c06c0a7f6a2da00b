namespace CampaignFlow.Campaigns.Storage;

/// <summary>What a unit's compliance session says of one violation at a moment of its clock.</summary>
/// <param name="IsOpen">True: the violation stands as <paramref name="Violation"/> describes; false: it is resolved.</param>
/// <param name="At">When, by the unit's clock.</param>
/// <param name="Violation">The violation (for a resolution, as it last stood).</param>
public sealed record ViolationUpdate(bool IsOpen, DateTimeOffset At, StoredViolation Violation)
{
    /// <summary>
    /// The details the history step stores when they say more than the row's: the records that caused a change or a
    /// resolution and the evidence after them (<c>Verdicts/ViolationRows.Step</c>). Null: the row's details.
    /// </summary>
    public string? StepDetails { get; init; }

    /// <summary>
    /// True when a change of the row's evidence is no step of its history: a requirement over the units below is
    /// judged on whatever they recorded since the last tick, so how often its figures change depends on tick timing,
    /// not on the records. The row still takes the new figures; openings and resolutions are always steps.
    /// </summary>
    public bool Quiet { get; init; }

    /// <summary>The details of the history step this update causes.</summary>
    public string EventDetails => StepDetails ?? Violation.Details;
}
