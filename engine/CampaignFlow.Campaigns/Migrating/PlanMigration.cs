namespace CampaignFlow.Campaigns.Migrating;

/// <summary>A migration's outcome (or, for a dry run, its forecast): each unit moved, with what changed for it.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="ToVersion">The version the units move to.</param>
/// <param name="Applied">False for a dry run.</param>
/// <param name="Units">One entry per unit moved, in the order of the running units.</param>
public sealed record PlanMigration(string PlanId, int ToVersion, bool Applied, IReadOnlyList<UnitMigration> Units);
