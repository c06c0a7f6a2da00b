using CampaignFlow.Plans.Comparison;

namespace CampaignFlow.Campaigns.Migrating;

/// <summary>What moving one running unit to another version of its plan changes, judged on the records it has stored.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="FromVersion">The version it runs.</param>
/// <param name="ToVersion">The version it would run.</param>
/// <param name="Changes">What differs between the versions, as <c>campaignflow diff</c> says it (the version line left out).</param>
/// <param name="Opening">Violations the unit's stored records have under the new version and not under the old.</param>
/// <param name="Resolving">Open violations the new version no longer finds.</param>
/// <param name="GatesReopening">Gates already passed that the new version asks to pass again.</param>
/// <param name="LostProgress">Progress the move would lose; a migration with any is refused unless accepted.</param>
public sealed record UnitMigration(
    string UnitId,
    string UnitName,
    int FromVersion,
    int ToVersion,
    IReadOnlyList<PlanChange> Changes,
    IReadOnlyList<MigrationViolation> Opening,
    IReadOnlyList<MigrationViolation> Resolving,
    IReadOnlyList<MigrationNote> GatesReopening,
    IReadOnlyList<MigrationNote> LostProgress);
