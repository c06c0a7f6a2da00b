namespace CampaignFlow.Compliance.Timing;

/// <summary>A time fact: one of the unit's phases opened or closed on a day.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="PhaseId">The phase (or link).</param>
/// <param name="Opens">True when the phase opens on <paramref name="Day"/>; false when it closes at its end.</param>
/// <param name="Day">The phase's first day (opening) or last day (closing).</param>
public sealed record PhaseBoundary(string Unit, string PhaseId, bool Opens, DateOnly Day);
