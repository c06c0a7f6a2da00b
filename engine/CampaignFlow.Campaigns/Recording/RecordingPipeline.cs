using System.Diagnostics;
using CampaignFlow.Campaigns.Progress;
using CampaignFlow.Campaigns.Reconciling;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Telemetry;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Campaigns.Verdicts;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>
/// Records what a unit did: the text read against the unit's plan and stored documents, the caller's policy asked
/// of every record, the unit's closed periods judged first, the records appended all or nothing, the session fed
/// what the store holds, the verdicts persisted, the workflow moved on and, last, the unit's watermark moved: a crash
/// after the append leaves the unit behind for the <see cref="Reconciler"/> (docs/adr/0007).
/// </summary>
internal sealed class RecordingPipeline(IRecordStore records, UnitSessions sessions, ViolationSync verdicts, WorkflowProgress progress, DerivedState derived, TimeProvider clock, CampaignMetrics metrics)
{
    public async Task<RecordingResult> RecordAsync(RunningUnit unit, string text, RecordFormat format, string recordedBy, RecordPolicy policy, CancellationToken ct)
    {
        using var activity = CampaignMetrics.StartActivity("campaignflow.record", unit.Unit.Id);
        var started = Stopwatch.GetTimestamp();
        RecordingResult result;
        try
        {
            result = await RecordUnderLockAsync(unit, text, format, recordedBy, policy, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What an operator alerts on: a store that fails, a rule that throws.
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            metrics.Recorded("error", Stopwatch.GetElapsedTime(started));
            throw;
        }

        var outcome = result.Refusal is not null ? "refused"
            : result.HasErrors ? "invalid"
            : result.HasConflicts ? "conflict"
            : "stored";
        activity?.SetTag("campaignflow.result", outcome);
        metrics.Recorded(outcome, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private Task<RecordingResult> RecordUnderLockAsync(RunningUnit unit, string text, RecordFormat format, string recordedBy, RecordPolicy policy, CancellationToken ct) =>
        sessions.WithSessionAsync(unit, async session =>
        {
            var known = session.Compliance.Records.Values.OfType<DocumentRecord>().ToDictionary(d => d.Key, StringComparer.Ordinal);
            var log = RecordTextReader.Read(text ?? "", format, unit.Plan, known);
            if (log.HasErrors)
            {
                return new RecordingResult(log.Diagnostics, [], [], []);
            }

            foreach (var record in log.Records)
            {
                if (policy(record, log.Locations.GetValueOrDefault(record.Key, new SourceLocation(log.Path, 1, 1))) is { } refusal)
                {
                    return new RecordingResult(log.Diagnostics, [], [], []) { Refusal = refusal };
                }
            }

            var now = clock.GetUtcNow();
            var encoded = log.Records.Select(r => RecordCodec.Encode(r, now, recordedBy)).ToArray();
            await KeepReviewsStoredWithoutReviewerAsync(unit, log.Records, encoded, now, recordedBy, ct).ConfigureAwait(false);

            // Periods that closed since the unit was last touched are judged first, so what this recording changes is its own.
            await verdicts.AdvanceAsync(unit, session, now, ct).ConfigureAwait(false);

            // The store judges conflicts in the same transaction as it inserts, so a batch racing another host's is still
            // all or nothing.
            var appending = Stopwatch.GetTimestamp();
            var results = await records.AppendAsync(encoded, ct).ConfigureAwait(false);
            metrics.StoreCalled("records.append", Stopwatch.GetElapsedTime(appending));
            metrics.RecordsAppended(
                results.Count(r => r.Outcome == AppendOutcome.Inserted),
                results.Count(r => r.Outcome == AppendOutcome.Duplicate),
                results.Count(r => r.Outcome == AppendOutcome.Conflict));
            if (results.Any(r => r.Outcome == AppendOutcome.Conflict))
            {
                return new RecordingResult(log.Diagnostics, results, [], []);
            }

            // The session gets what a replay would get: the records as decoded from the store, in the store's order.
            var (current, changes) = await sessions.CatchUpOrRebuildAsync(unit, session, now, ct).ConfigureAwait(false);
            await progress.SignalAsync(unit, current, ct).ConfigureAwait(false);
            await derived.MarkJudgedAsync(unit, current, now, ct).ConfigureAwait(false);
            return new RecordingResult(log.Diagnostics, results, changes.Opened, changes.Resolved);
        }, ct);

    /// <summary>
    /// Reviews stored before reviewers were kept carry none: the same review sent again naming its reviewer is that
    /// record (a duplicate), not a conflict; any other difference still is one.
    /// </summary>
    private async Task KeepReviewsStoredWithoutReviewerAsync(RunningUnit unit, IReadOnlyList<UnitRecord> read, StoredRecord[] encoded, DateTimeOffset now, string recordedBy, CancellationToken ct)
    {
        for (var i = 0; i < encoded.Length; i++)
        {
            if (read[i] is ReviewRecord { Reviewer: not null } review
                && await records.GetAsync(unit.Unit.Id, review.Key, ct).ConfigureAwait(false) is { } stored
                && stored.Payload != encoded[i].Payload
                && stored.Payload == RecordCodec.Encode(review with { Reviewer = null }, now, recordedBy).Payload)
            {
                encoded[i] = stored;
            }
        }
    }
}
