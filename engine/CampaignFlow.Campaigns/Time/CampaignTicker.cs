using System.Diagnostics;
using CampaignFlow.Campaigns.Bodies;
using CampaignFlow.Campaigns.Reconciling;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Telemetry;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Campaigns.Time;

/// <summary>
/// Moves time: due timers fire, the inbox is applied, and every unit whose timers fired is moved to now (periods close,
/// violations open, the workflow moves on). One unit's failure is logged and does not hold back the others: its
/// session is dropped and rebuilt from the store on its next use. Then the units still behind their records or the
/// clock are brought up to date (<see cref="Reconciler"/>, docs/adr/0007).
/// </summary>
internal sealed class CampaignTicker(WorkflowRuntime runtime, UnitRegistry units, UnitSessions sessions, DerivedState derived, BodiesAbove bodies, Reconciler reconciler, TimeProvider clock, CampaignMetrics metrics, ILogger logger)
{
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
        var fired = await runtime.FireDueTimersAsync(ct).ConfigureAwait(false);
        firedCount(fired.Count);
        await runtime.ProcessInboxAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var key in fired.Select(f => f.CorrelationKey).Distinct(StringComparer.Ordinal))
        {
            if (units.FindByInstanceKey(key) is not { } unit)
            {
                continue; // an instance of a superseded plan version
            }

            try
            {
                await sessions.WithSessionAsync(unit, async session =>
                {
                    await derived.CompleteAsync(unit, session, now, ct).ConfigureAwait(false);
                    return true;
                }, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Moving unit {Unit} to {Now} failed; its session is rebuilt from the store on its next use", unit.Unit.Id, now);
            }
        }

        // The bodies take what their units recorded since the last tick, in one batch each.
        await bodies.FlushAsync(now, ct).ConfigureAwait(false);

        // After the timers: a unit they moved is up to date, so the pass finds only what a crash or a failure left behind.
        await reconciler.ReconcileAsync(now, ct).ConfigureAwait(false);
        return await runtime.GetNextTimerDueAtAsync(ct).ConfigureAwait(false);
    }
}
