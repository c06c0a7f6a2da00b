using System.Diagnostics;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Workflows.Partitions;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Reconciling;

/// <summary>
/// Finds the units whose derived state is behind their records or the clock — a host killed between storing records
/// and persisting their violations, a tick that failed for one unit, a timer fired just before a crash — and finishes
/// the work (docs/adr/0007). Runs at start and then at most once per interval, from the tick. Finding the units behind
/// is one indexed read whatever the number of units; a pass costs in proportion to the units it finds.
/// </summary>
/// <remarks>
/// Several hosts may find the same unit behind: every step is idempotent, so the second pass changes nothing. A unit
/// is judged only under its lock across hosts (<see cref="IUnitLocks"/>), which a pass only tries: a unit another
/// host is recording for is behind for a moment, and judging it from here at the same time could store the older of
/// the two views last (docs/adr/0007). After its first pass a host also acts only on a unit it already found behind,
/// with the same watermark, one pass before, so that it leaves a unit another host is at work on to that host. Where
/// hosts split the units into partitions (docs/adr/0022), a host catches up only the units and bodies of its own: a
/// dead host's are caught up by whoever takes its partitions over.
/// </remarks>
internal sealed class Reconciler(IRecordStore records, UnitRegistry units, UnitSessions sessions, DerivedState derived, PartitionOwnership partitions, TimeSpan interval, TimeSpan bodyRebuildInterval, IProgress<UnitWatermark>? caughtUp, ILogger logger)
{
    private const int Page = 256;
    private DateTimeOffset? _lastPass;
    private Dictionary<string, UnitWatermark>? _seen;
    private OwnedPartitions? _passedWith;

    /// <summary>Gives every running unit without a watermark one, due now, so a unit never judged cannot be missed.</summary>
    public async Task StartAsync(IEnumerable<string> unitIds, DateTimeOffset now, CancellationToken ct) =>
        await records.EnsureWatermarksAsync(unitIds.ToArray(), now, ct).ConfigureAwait(false);

    /// <summary>One pass, unless the last was less than the interval ago: every unit behind at <paramref name="now"/> brought up to date.</summary>
    /// <returns>How many units were brought up to date.</returns>
    public async Task<int> ReconcileAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Partitions taken since the last pass (a dead host's, or one given back) are passed at once, whatever the
        // interval: their units may have waited since their last owner stopped, through its lease (docs/adr/0022).
        var owned = partitions.Current;
        var taken = Taken(owned);
        if (taken.Count == 0 && _lastPass is { } last && now - last < interval && now >= last)
        {
            return 0;
        }

        _lastPass = now;
        _passedWith = owned;
        var seen = new Dictionary<string, UnitWatermark>(StringComparer.Ordinal);
        var done = 0;
        string? after = null;
        while (true)
        {
            var behind = await records.UnitsBehindAsync(now, after, Page, ct).ConfigureAwait(false);
            var due = new List<UnitWatermark>(behind.Count);
            foreach (var mark in behind)
            {
                if (!owned.Contains(mark.Unit))
                {
                    continue; // another host's
                }

                // A unit of a partition just taken is acted on at once, as on a host's first pass: this host never saw it
                // behind, and waiting a pass more would leave a dead host's units waiting one interval past its lease.
                if (_seen is not null && !taken.Contains(owned.Scheme.PartitionOf(mark.Unit)) && _seen.GetValueOrDefault(mark.Unit) != mark)
                {
                    seen[mark.Unit] = mark; // perhaps in flight elsewhere: acted on next pass if nobody moved it
                    continue;
                }

                due.Add(mark);
            }

            done += await CatchUpManyAsync(due, now, ct).ConfigureAwait(false);

            // Paged by unit id, so a unit that fails again is not read twice in one pass.
            if (behind.Count < Page)
            {
                _seen = seen;
                return done + await RebuildStaleBodiesAsync(owned, taken, ct).ConfigureAwait(false);
            }

            after = behind[^1].Unit;
        }
    }

    /// <summary>
    /// The bodies whose sessions of the units below them are older than the rebuild interval, rebuilt from the store and
    /// their verdicts persisted: what a catch-up by sequence passed over (a record committed late on PostgreSQL), or a
    /// body that failed to take a unit's records, is counted within the interval (docs/adr/0010).
    /// </summary>
    private async Task<int> RebuildStaleBodiesAsync(OwnedPartitions owned, IReadOnlySet<int> taken, CancellationToken ct)
    {
        var rebuilt = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var body in units.Bodies.Where(owned.Contains).Select(units.Find).OfType<RunningUnit>())
        {
            try
            {
                // A body just taken over is rebuilt at once, unless its session is built now: one kept from before this
                // host owned it did not take what its units recorded through other hosts meanwhile.
                var age = taken.Contains(owned.Scheme.PartitionOf(body.Unit.Id)) ? Stopwatch.GetElapsedTime(started) : bodyRebuildInterval;
                rebuilt += await sessions.RebuildBodyIfOlderAsync(body, age, ct).ConfigureAwait(false) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Rebuilding the session of body {Unit} failed; the next pass tries again", body.Unit.Id);
            }
        }

        return rebuilt;
    }

    /// <summary>The partitions owned now that were not at the last pass (none on the first pass, which acts on every unit).</summary>
    private IReadOnlySet<int> Taken(OwnedPartitions owned) =>
        _passedWith is not { } before || owned.IsAll
            ? new HashSet<int>()
            : owned.Partitions.Where(p => !before.Contains(p)).ToHashSet();

    /// <summary>
    /// The units of a page brought up to date together, as a boundary's batch is (their sessions read at once, their
    /// violations and watermarks in one transaction each); a unit whose lock is held is left, as alone. When the batch
    /// fails, each unit is tried on its own, so one unit's failure does not hold back the others.
    /// </summary>
    private async Task<int> CatchUpManyAsync(IReadOnlyList<UnitWatermark> marks, DateTimeOffset now, CancellationToken ct)
    {
        // A unit no campaign runs for here is left behind, as alone (CatchUpAsync).
        var found = marks.Select(m => (Mark: m, Unit: units.Find(m.Unit))).Where(f => f.Unit is not null).ToArray();
        if (found.Length > 1)
        {
            try
            {
                IReadOnlyList<(RunningUnit Unit, UnitSession Session)> judged = [];
                await sessions.TryWithSessionsAsync([.. found.Select(f => f.Unit!)], taken =>
                {
                    judged = taken;
                    return derived.CompleteManyAsync(taken, now, ct);
                }, ct).ConfigureAwait(false);
                var ids = judged.Select(j => j.Unit.Unit.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var (mark, _) in found.Where(f => ids.Contains(f.Mark.Unit)))
                {
                    logger.LogDebug("Brought unit {Unit} up to date: records {Judged} -> {Recorded}, due {Due}", mark.Unit, mark.JudgedThrough, mark.RecordedThrough, mark.DueAt);
                    caughtUp?.Report(mark);
                }

                return ids.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Bringing {Count} units up to date together failed; each is tried on its own", found.Length);
            }
        }

        var done = 0;
        foreach (var (mark, _) in found)
        {
            done += await CatchUpAsync(mark, now, ct).ConfigureAwait(false) ? 1 : 0;
        }

        return done;
    }

    private async Task<bool> CatchUpAsync(UnitWatermark mark, DateTimeOffset now, CancellationToken ct)
    {
        // A unit no campaign runs for here (its plan refused at this start) is left behind, not marked: once its plan
        // runs again, its records still need judging.
        if (units.Find(mark.Unit) is not { } unit)
        {
            return false;
        }

        try
        {
            // A unit whose lock is held is being recorded or ticked, here or on another host, which marks it when done
            // or leaves it to the next pass. Judging it now could write this host's view after a newer one (docs/adr/0007).
            if (!await sessions.TryWithSessionAsync(unit, (current, session) => derived.CompleteAsync(current, session, now, ct), ct).ConfigureAwait(false))
            {
                return false;
            }

            // The operator's line is the host's, in the operator's words (CampaignOptions.CaughtUp); the engine has none.
            logger.LogDebug("Brought unit {Unit} up to date: records {Judged} -> {Recorded}, due {Due}", unit.Unit.Id, mark.JudgedThrough, mark.RecordedThrough, mark.DueAt);
            caughtUp?.Report(mark);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Bringing unit {Unit} up to date failed; the next pass tries again", unit.Unit.Id);
            return false;
        }
    }
}
