using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Sessions;

/// <summary>A violation opening, changing (its evidence) or resolving, at a moment of the unit's clock.</summary>
/// <param name="At">When, by the unit's clock (the time of the record or of the closing that caused it).</param>
/// <param name="Kind">Opened, changed or resolved.</param>
/// <param name="Violation">The violation as it stood.</param>
public sealed record ViolationChange(DateTimeOffset At, ViolationChangeKind Kind, Violation Violation);
