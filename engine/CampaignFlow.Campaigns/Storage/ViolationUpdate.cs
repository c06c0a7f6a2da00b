namespace CampaignFlow.Campaigns.Storage;

/// <summary>What a unit's compliance session says of one violation at a moment of its clock.</summary>
/// <param name="IsOpen">True: the violation stands as <paramref name="Violation"/> describes; false: it is resolved.</param>
/// <param name="At">When, by the unit's clock.</param>
/// <param name="Violation">The violation (for a resolution, as it last stood).</param>
public sealed record ViolationUpdate(bool IsOpen, DateTimeOffset At, StoredViolation Violation);
