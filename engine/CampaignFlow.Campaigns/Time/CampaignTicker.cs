using System.Diagnostics;
using CampaignFlow.Campaigns.Bodies;
using CampaignFlow.Campaigns.Compilation;
using CampaignFlow.Campaigns.Reconciling;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Telemetry;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Workflows.Partitions;
using CampaignFlow.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Time;

/// <summary>
/// Moves time: due timers fire, the inbox is applied, and every unit whose timers fired is moved to now (periods close,
/// violations open, the workflow moves on). The units a boundary moves are judged in batches of
/// <c>batchSize</c>, under all their locks at once: their violations written in one transaction, their instances read
/// in one call, their watermarks moved in one transaction. A unit whose lock another holds, and every unit of a batch
/// that failed, is moved on its own after the batch; one unit's failure there is logged and does not hold back the
/// others: its session is dropped and rebuilt from the store on its next use. Then the units still behind their
/// records or the clock are brought up to date (<see cref="Reconciler"/>, docs/adr/0007). Where hosts split the units
/// into partitions, the pass first renews this host's leases, and its timers, inbox and catch-up are those of its own
/// partitions (docs/adr/0022).
/// </summary>
internal sealed class CampaignTicker(WorkflowRuntime runtime, PartitionOwnership partitions, UnitRegistry units, UnitSessions sessions, DerivedState derived, BodiesAbove bodies, Reconciler reconciler, OpenTallyMirror tallies, TimeProvider clock, int batchSize, CampaignMetrics metrics, ILogger logger)
{
    private long _renewedAt = Stopwatch.GetTimestamp();

    /// <summary>One pass; returns when the next timer is due (null: none).</summary>
    public async Task<DateTimeOffset?> TickAsync(CancellationToken ct)
    {
        using var activity = CampaignMetrics.StartActivity("campaignflow.tick");
        var started = Stopwatch.GetTimestamp();
        var fired = 0;
        try
        {
            var next = await PassAsync(count => fired = count, ct).ConfigureAwait(false);
            activity?.SetTag("campaignflow.timers_fired", fired);
            metrics.Ticked(fired, Stopwatch.GetElapsedTime(started));
            return next;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            metrics.Ticked(fired, Stopwatch.GetElapsedTime(started), failed: true);
            throw;
        }
    }

    private async Task<DateTimeOffset?> PassAsync(Action<int> firedCount, CancellationToken ct)
    {
        // Leases are renewed before anything is claimed under them (a host that slept long may have lost partitions), and
        // again between the long steps of a long pass, so that they do not run out while it works.
        await RenewIfDueAsync(ct).ConfigureAwait(false);
        var fired = await runtime.FireDueTimersAsync(ct).ConfigureAwait(false);
        firedCount(fired.Count);
        await runtime.ProcessInboxAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        // An instance of a version this host does not know the unit runs is one another host migrated it to: the unit is
        // moved all the same, and taking its session follows the migration (docs/adr/0026). A superseded version's
        // instance is cancelled and fires nothing.
        var moved = fired.Select(f => f.CorrelationKey).Distinct(StringComparer.Ordinal)
            .Select(key => units.FindByInstanceKey(key) ?? units.Find(CampaignSignals.UnitOf(key)))
            .OfType<RunningUnit>().DistinctBy(u => u.Unit.Id, StringComparer.Ordinal).ToArray();
        foreach (var batch in moved.Chunk(Math.Max(1, batchSize)))
        {
            if (batchSize <= 1)
            {
                await MoveAloneAsync(batch[0], now, ct).ConfigureAwait(false);
                continue;
            }

            IReadOnlyList<RunningUnit> alone;
            try
            {
                alone = await sessions.TryWithSessionsAsync(batch, taken => derived.CompleteManyAsync(taken, now, ct), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Moving {Count} units to {Now} together failed; each is moved on its own", batch.Length, now);
                alone = batch;
            }

            foreach (var unit in alone)
            {
                await MoveAloneAsync(unit, now, ct).ConfigureAwait(false);
            }
        }

        await RenewIfDueAsync(ct).ConfigureAwait(false);

        // The bodies take what their units recorded since the last tick, in one batch each.
        await bodies.FlushAsync(now, ct).ConfigureAwait(false);

        await RenewIfDueAsync(ct).ConfigureAwait(false);

        // After the timers: a unit they moved is up to date, so the pass finds only what a crash or a failure left behind.
        await reconciler.ReconcileAsync(now, ct).ConfigureAwait(false);

        // Other hosts' writes reach the roll-ups' copy of the tallies here, off the readers' path (docs/adr/0017).
        await tallies.RefreshAsync(ct).ConfigureAwait(false);
        return await runtime.GetNextTimerDueAtAsync(ct).ConfigureAwait(false);
    }

    private async Task RenewIfDueAsync(CancellationToken ct)
    {
        if (partitions.IsLeased && Stopwatch.GetElapsedTime(_renewedAt) >= partitions.RenewEvery)
        {
            await partitions.RenewAsync(ct).ConfigureAwait(false);
            _renewedAt = Stopwatch.GetTimestamp();
        }
    }

    private async Task MoveAloneAsync(RunningUnit unit, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await sessions.WithSessionAsync(unit, async (current, session) =>
            {
                await derived.CompleteAsync(current, session, now, ct).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Moving unit {Unit} to {Now} failed; its session is rebuilt from the store on its next use", unit.Unit.Id, now);
        }
    }
}
