using System.Globalization;
using CampaignFlow.Campaigns.Catalog;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Migrating;

/// <summary>
/// Carries out a unit's migration that its record log says (<see cref="MigrationMark"/>) and this host's memory does
/// not yet: the target version taken up from the plan store, its instance started (or found, when the migrating host
/// got that far), the instance left cancelled, and the unit's entry moved (docs/adr/0026). Every step is idempotent,
/// so the host that stored the mark, a host that owns the unit, and a host started after a crash do the same.
/// </summary>
internal sealed class MigrationFollower(PlanLibrary library, PlanVersionCatchUp published, UnitRegistry units, WorkflowRuntime runtime, ILogger logger)
{
    /// <summary>
    /// The mark among <paramref name="stored"/> (the unit's records in sequence order) that this host's memory of
    /// <paramref name="unit"/> has not followed: the last one, when it is of the unit's plan and names another version.
    /// </summary>
    public static MigrationMark? Pending(RunningUnit unit, IReadOnlyList<StoredRecord> stored) =>
        MigrationMark.Last(stored) is { } mark && mark.PlanId == unit.Unit.PlanId && mark.ToVersion != unit.Unit.PlanVersion ? mark : null;

    /// <summary>
    /// Moves <paramref name="current"/> to the version <paramref name="mark"/> names; null when that version cannot be
    /// had here (not stored, or not resolved), which is logged and leaves the unit where it is. The caller holds the
    /// unit's locks.
    /// </summary>
    public async Task<RunningUnit?> FollowAsync(RunningUnit current, MigrationMark mark, CancellationToken ct)
    {
        if (!library.Holds(mark.PlanId, mark.ToVersion))
        {
            await published.CatchUpAsync(mark.PlanId, ct).ConfigureAwait(false);
        }

        if (library.Versions.FirstOrDefault(v => v.Id == mark.PlanId && v.Version == mark.ToVersion) is not { } target)
        {
            logger.LogWarning("Unit {Unit} was migrated to version {Version} of plan {Plan}, which this host cannot run; it stays on version {Current}",
                current.Unit.Id, mark.ToVersion, mark.PlanId, current.Unit.PlanVersion);
            return null;
        }

        var started = await runtime.StartAtVersionAsync(target.Id, target.Version, CampaignSignals.InstanceKey(current.Unit.Id, target.Version),
            new Dictionary<string, string>
            {
                [PlanMigrations.MigratedFrom] = mark.FromVersion.ToString(CultureInfo.InvariantCulture),
                [PlanMigrations.MigratedBy] = mark.By,
            }, ct).ConfigureAwait(false);
        await runtime.CancelAsync(current.InstanceId, $"migrated to version {target.Version} by {mark.By}", ct).ConfigureAwait(false);
        logger.LogDebug("Unit {Unit} follows its migration to version {Version} of plan {Plan}", current.Unit.Id, target.Version, target.Id);
        return units.Move(current, new StartedUnit(current.Unit with { PlanVersion = target.Version, Title = target.Title }, target, started.InstanceId));
    }
}
