namespace CampaignFlow.Campaigns.Migrating;

/// <summary>One migration in a unit's history: from which version to which, by whom, when.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="PlanId">Its plan.</param>
/// <param name="FromVersion">The version it left.</param>
/// <param name="ToVersion">The version it moved to.</param>
/// <param name="By">Who moved it.</param>
/// <param name="At">When (the new version's instance started).</param>
public sealed record MigrationStep(string UnitId, string PlanId, int FromVersion, int ToVersion, string By, DateTimeOffset At);
