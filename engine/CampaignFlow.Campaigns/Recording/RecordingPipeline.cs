using System.Diagnostics;
using CampaignFlow.Campaigns.Progress;
using CampaignFlow.Campaigns.Reconciling;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Telemetry;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Campaigns.Verdicts;
using CampaignFlow.Compliance.Logs;
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
    public Task<RecordingResult> RecordAsync(RunningUnit unit, string text, RecordFormat format, string recordedBy, RecordPolicy policy, CancellationToken ct) =>
        MeasuredAsync(unit.Unit.Id, () => RecordUnderLockAsync(unit, text, format, recordedBy, policy, ct));

    /// <summary>Runs a recording inside its trace activity, and counts and times it by outcome for the meters.</summary>
    private async Task<RecordingResult> MeasuredAsync(string unitTag, Func<Task<RecordingResult>> recording)
    {
        using var activity = CampaignMetrics.StartActivity("campaignflow.record", unitTag);
        var started = Stopwatch.GetTimestamp();
        RecordingResult result;
        try
        {
            result = await recording().ConfigureAwait(false);
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
            var log = RecordTextReader.Read(text ?? "", format, unit.Plan, known, unit.Unit.Id);
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
            var results = await AppendAsync(encoded, ct).ConfigureAwait(false);
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
    /// Records a CSV of many units' records (a <c>unit</c> column) at once: every unit's rows read against its own plan
    /// and asked of the caller's policy for that unit, then all of them appended in one transaction, all or nothing;
    /// each unit's session fed, then the verdicts persisted, the workflows signalled and the watermarks moved in batches.
    /// The same steps, in the same order, as for one unit (a crash after the append leaves the units behind for the
    /// <see cref="Reconciler"/>), under all the units' locks.
    /// </summary>
    public Task<RecordingResult> RecordAcrossUnitsAsync(string csv, Func<string, RunningUnit?> find, string recordedBy, Func<RunningUnit, RecordPolicy> policyFor, CancellationToken ct) =>
        MeasuredAsync("*", () =>
        {
            var path = RecordTextReader.SourceName(RecordFormat.Csv);
            var split = CsvByUnit.Split(csv ?? "", path, find);

            // Rows of units that run are read even when others' are wrong, so the caller hears of every finding at once.
            return split.Units.Count == 0
                ? Task.FromResult(new RecordingResult(split.Diagnostics.Count > 0 ? split.Diagnostics : [Empty(path)], [], [], []))
                : sessions.WithSessionsAsync([.. split.Units.Select(u => u.Unit)], taken => RecordTakenAsync(split, taken, recordedBy, policyFor, path, ct), ct);
        });

    /// <summary>Appends a batch, timing the store's call and counting its outcomes for the meters.</summary>
    private async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> batch, CancellationToken ct)
    {
        var appending = Stopwatch.GetTimestamp();
        var results = await records.AppendAsync(batch, ct).ConfigureAwait(false);
        metrics.StoreCalled("records.append", Stopwatch.GetElapsedTime(appending));
        metrics.RecordsAppended(
            results.Count(r => r.Outcome == AppendOutcome.Inserted),
            results.Count(r => r.Outcome == AppendOutcome.Duplicate),
            results.Count(r => r.Outcome == AppendOutcome.Conflict));
        return results;
    }

    private static PlanDiagnostic Empty(string path) =>
        new("empty-file", DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), []);

    private async Task<RecordingResult> RecordTakenAsync(
        CsvByUnit split, IReadOnlyList<(RunningUnit Unit, UnitSession Session)> taken, string recordedBy, Func<RunningUnit, RecordPolicy> policyFor, string path, CancellationToken ct)
    {
        var sessionOf = taken.ToDictionary(t => t.Unit.Unit.Id, t => t.Session, StringComparer.Ordinal);
        var logs = new List<(RunningUnit Unit, ActivityLog Log)>(split.Units.Count);
        var diagnostics = new List<PlanDiagnostic>(split.Diagnostics);
        foreach (var (unit, rows) in split.Units)
        {
            var known = sessionOf[unit.Unit.Id].Compliance.Records.Values.OfType<DocumentRecord>().ToDictionary(d => d.Key, StringComparer.Ordinal);
            var log = ActivityLogCsvReader.ReadRows(split.Header, rows, path, unit.Plan, known, unit.Unit.Id);
            diagnostics.AddRange(log.Diagnostics);
            logs.Add((unit, log));
        }

        // Findings in the file's order, whichever unit's rows they are in.
        diagnostics.Sort((a, b) => (a.Location.Line, a.Location.Column).CompareTo((b.Location.Line, b.Location.Column)));
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new RecordingResult(diagnostics, [], [], []);
        }

        foreach (var (unit, log) in logs)
        {
            var policy = policyFor(unit);
            foreach (var record in log.Records)
            {
                if (policy(record, log.Locations.GetValueOrDefault(record.Key, new SourceLocation(path, 1, 1))) is { } refusal)
                {
                    return new RecordingResult(diagnostics, [], [], []) { Refusal = refusal };
                }
            }
        }

        var now = clock.GetUtcNow();
        var encoded = new List<(int Line, StoredRecord Record)>();
        foreach (var (unit, log) in logs)
        {
            var mine = log.Records.Select(r => RecordCodec.Encode(r, now, recordedBy)).ToArray();
            await KeepReviewsStoredWithoutReviewerAsync(unit, log.Records, mine, now, recordedBy, ct).ConfigureAwait(false);
            encoded.AddRange(mine.Select((r, i) => (log.Locations.TryGetValue(log.Records[i].Key, out var at) ? at.Line : 0, r)));
        }

        // Stored in the file's order, so sequences follow it as they would had each row been sent in turn.
        var ordered = encoded.OrderBy(e => e.Line).Select(e => e.Record).ToArray();

        await verdicts.AdvanceManyAsync(taken, now, ct).ConfigureAwait(false);
        var results = await AppendAsync(ordered, ct).ConfigureAwait(false);
        if (results.Any(r => r.Outcome == AppendOutcome.Conflict))
        {
            return new RecordingResult(diagnostics, results, [], []);
        }

        var caughtUp = await sessions.CatchUpManyOrRebuildAsync(taken, now, ct).ConfigureAwait(false);
        var current = taken.Select((t, i) => (t.Unit, caughtUp[i].Session)).ToArray();
        var opened = caughtUp.SelectMany(c => c.Changes.Opened).ToList();
        var resolved = caughtUp.SelectMany(c => c.Changes.Resolved).ToList();

        await progress.SignalManyAsync(current, ct).ConfigureAwait(false);
        await derived.MarkManyJudgedAsync(current, now, ct).ConfigureAwait(false);
        return new RecordingResult(diagnostics, results, opened, resolved);
    }

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
