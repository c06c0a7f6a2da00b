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
/// <remarks>
/// Recordings of single units (up to some fifty records) go through a <see cref="RecordingQueue"/>: concurrent ones
/// run as a group with the same steps done once for the group (<see cref="RecordGroupAsync"/>), each caller answered
/// with its own result, as if it had been alone.
/// </remarks>
internal sealed class RecordingPipeline(IRecordStore records, UnitSessions sessions, ViolationSync verdicts, WorkflowProgress progress, DerivedState derived, TimeProvider clock, CampaignMetrics metrics)
{
    // Bounded in practice by the host's admission of concurrent recordings; this only caps one transaction's size.
    private const int MaxGroup = 256;

    // A text longer than this (some fifty records) runs alone, beside the groups, as every recording did before: a
    // unit's bulk import must not hold up the single posts queued behind it.
    private const int MaxGroupedText = 16 * 1024;

    private readonly RecordingQueue _queue = new(MaxGroup);

    /// <summary>Refuses grouped recordings from now on and completes once those queued have run (before the stores close).</summary>
    public Task CloseAsync() => _queue.CloseAsync();

    public Task<RecordingResult> RecordAsync(RunningUnit unit, string text, RecordFormat format, string recordedBy, RecordPolicy policy, CancellationToken ct) =>
        text is { Length: > MaxGroupedText }
            ? MeasuredAsync(unit.Unit.Id, () => RecordUnderLockAsync(unit, text, format, recordedBy, policy, ct))
            : _queue.RecordAsync(new QueuedRecording(unit, text ?? "", format, recordedBy, policy, ct), RunGroupAsync);

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

        var outcome = Outcome(result);
        activity?.SetTag("campaignflow.result", outcome);
        metrics.Recorded(outcome, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private Task<RecordingResult> RecordUnderLockAsync(RunningUnit unit, string text, RecordFormat format, string recordedBy, RecordPolicy policy, CancellationToken ct) =>
        sessions.WithSessionAsync(unit, async (current, session) =>
        {
            var known = session.Compliance.Records.Values.OfType<DocumentRecord>().ToDictionary(d => d.Key, StringComparer.Ordinal);
            var log = RecordTextReader.Read(text ?? "", format, current.Plan, known, current.Unit.Id);
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
            await KeepReviewsStoredWithoutReviewerAsync(current, log.Records, encoded, now, recordedBy, ct).ConfigureAwait(false);

            // Periods that closed since the unit was last touched are judged first, so what this recording changes is its own.
            await verdicts.AdvanceAsync(current, session, now, ct).ConfigureAwait(false);

            // The store judges conflicts in the same transaction as it inserts, so a batch racing another host's is still
            // all or nothing.
            var results = await AppendAsync(encoded, ct).ConfigureAwait(false);
            if (results.Any(r => r.Outcome == AppendOutcome.Conflict))
            {
                return new RecordingResult(log.Diagnostics, results, [], []);
            }

            // The session gets what a replay would get: the records as decoded from the store, in the store's order.
            var (caughtUp, changes) = await sessions.CatchUpOrRebuildAsync(current, session, now, ct).ConfigureAwait(false);
            await progress.SignalAsync(current, caughtUp, ct).ConfigureAwait(false);
            await derived.MarkJudgedAsync(current, caughtUp, now, ct).ConfigureAwait(false);
            return new RecordingResult(log.Diagnostics, results, changes.Opened, changes.Resolved);
        }, ct);

    private static string Outcome(RecordingResult result) =>
        result.Refusal is not null ? "refused"
            : result.HasErrors ? "invalid"
            : result.HasConflicts ? "conflict"
            : "stored";

    /// <summary>
    /// Runs a group of the queue: a recording alone as a recording always ran; several together
    /// (<see cref="RecordGroupAsync"/>). When the group fails, those of its recordings not yet answered (nothing of
    /// them stored, or an append whose outcome is unknown, which a second append of the same keys settles) run again
    /// each alone, so a failure is only its own recording's.
    /// </summary>
    private async Task RunGroupAsync(IReadOnlyList<QueuedRecording> group)
    {
        if (group.Count == 1)
        {
            await RunAloneAsync(group[0]).ConfigureAwait(false);
            return;
        }

        using (var activity = CampaignMetrics.StartActivity("campaignflow.record", "*"))
        {
            activity?.SetTag("campaignflow.recordings", group.Count);
            try
            {
                await RecordGroupAsync(group).ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            }
        }

        foreach (var recording in group.Where(r => !r.IsAnswered))
        {
            await RunAloneAsync(recording).ConfigureAwait(false);
        }
    }

    private async Task RunAloneAsync(QueuedRecording recording)
    {
        try
        {
            var result = await MeasuredAsync(recording.Unit.Unit.Id, () =>
                RecordUnderLockAsync(recording.Unit, recording.Text, recording.Format, recording.RecordedBy, recording.Policy, recording.Cancellation)).ConfigureAwait(false);
            recording.Complete(result);
        }
        catch (OperationCanceledException) when (recording.Cancellation.IsCancellationRequested)
        {
            recording.Cancel();
        }
        catch (Exception e)
        {
            recording.Fail(e);
        }
    }

    /// <summary>
    /// Several recordings of distinct units, each read, asked of its policy and answered on its own as
    /// <see cref="RecordUnderLockAsync"/> would, but with the steps after the reading done once for all of them: the
    /// units' locks and sessions taken together, their closed periods judged in one transaction, every record appended
    /// in one transaction, the sessions caught up with one read, the verdicts persisted in one transaction, the workflows
    /// signalled in one batch and the watermarks moved in one transaction. A recording with an error or a refusal is
    /// answered at once and takes no part in the rest; one whose records conflict is answered with its conflict (the
    /// store kept nothing of that append) and the others are appended again without it. Those stored are answered
    /// last, when everything a recording alone does before its answer is done.
    /// </summary>
    private Task RecordGroupAsync(IReadOnlyList<QueuedRecording> group) =>
        sessions.WithSessionsAsync([.. group.Select(r => r.Unit)], async taken =>
        {
            // Each unit as it runs now: taking its session follows a migration another host stored.
            var takenOf = taken.ToDictionary(t => t.Unit.Unit.Id, t => t, StringComparer.Ordinal);
            var now = clock.GetUtcNow();
            var accepted = new List<GroupedRecording>(group.Count);
            foreach (var recording in group)
            {
                var (unit, session) = takenOf[recording.Unit.Unit.Id];
                var known = session.Compliance.Records.Values.OfType<DocumentRecord>().ToDictionary(d => d.Key, StringComparer.Ordinal);
                var log = RecordTextReader.Read(recording.Text ?? "", recording.Format, unit.Plan, known, unit.Unit.Id);
                if (log.HasErrors)
                {
                    Answer(recording, new RecordingResult(log.Diagnostics, [], [], []));
                    continue;
                }

                if (log.Records.Select(r => recording.Policy(r, log.Locations.GetValueOrDefault(r.Key, new SourceLocation(log.Path, 1, 1)))).FirstOrDefault(r => r is not null) is { } refusal)
                {
                    Answer(recording, new RecordingResult(log.Diagnostics, [], [], []) { Refusal = refusal });
                    continue;
                }

                var encoded = log.Records.Select(r => RecordCodec.Encode(r, now, recording.RecordedBy)).ToArray();
                await KeepReviewsStoredWithoutReviewerAsync(unit, log.Records, encoded, now, recording.RecordedBy, CancellationToken.None).ConfigureAwait(false);
                accepted.Add(new GroupedRecording(recording, unit, session, log.Diagnostics, encoded));
            }

            if (accepted.Count == 0)
            {
                return 0;
            }

            await verdicts.AdvanceManyAsync([.. accepted.Select(a => (a.Unit, a.Session))], now, CancellationToken.None).ConfigureAwait(false);
            var stored = await AppendGroupAsync(accepted).ConfigureAwait(false);
            if (stored.Count == 0)
            {
                return 0;
            }

            try
            {
                var judged = stored.Select(s => (s.Grouped.Unit, s.Grouped.Session)).ToArray();
                var caughtUp = await sessions.CatchUpManyOrRebuildAsync(judged, now, CancellationToken.None).ConfigureAwait(false);
                var current = judged.Select((j, i) => (j.Unit, caughtUp[i].Session)).ToArray();
                await progress.SignalManyAsync(current, CancellationToken.None).ConfigureAwait(false);
                await derived.MarkManyJudgedAsync(current, now, CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < stored.Count; i++)
                {
                    var (grouped, results) = stored[i];
                    Answer(grouped.Recording, new RecordingResult(grouped.Diagnostics, results, caughtUp[i].Changes.Opened, caughtUp[i].Changes.Resolved));
                }
            }
            catch (Exception e)
            {
                // Stored, but not all that follows was done: as for a recording alone, a failure (the reconciler finishes it).
                foreach (var (grouped, _) in stored)
                {
                    metrics.Recorded("error", Stopwatch.GetElapsedTime(grouped.Recording.Queued));
                    grouped.Recording.Fail(e);
                }

                throw;
            }

            return 0;
        }, CancellationToken.None);

    /// <summary>
    /// Appends the group's records in one transaction. The store keeps nothing of a batch with a conflict, so the
    /// recordings whose own records conflict are answered with what the store said of them (as alone) and the others
    /// appended again without them.
    /// </summary>
    /// <returns>The recordings stored, each with its records' outcomes, in the group's order.</returns>
    private async Task<List<(GroupedRecording Grouped, IReadOnlyList<AppendResult> Results)>> AppendGroupAsync(List<GroupedRecording> accepted)
    {
        var pending = accepted;
        while (pending.Count > 0)
        {
            var appending = Stopwatch.GetTimestamp();
            var results = await records.AppendAsync([.. pending.SelectMany(a => a.Encoded)], CancellationToken.None).ConfigureAwait(false);
            metrics.StoreCalled("records.append", Stopwatch.GetElapsedTime(appending));
            var slices = new List<(GroupedRecording Grouped, IReadOnlyList<AppendResult> Results)>(pending.Count);
            var offset = 0;
            foreach (var grouped in pending)
            {
                slices.Add((grouped, results.Skip(offset).Take(grouped.Encoded.Length).ToArray()));
                offset += grouped.Encoded.Length;
            }

            var conflicted = slices.Where(s => s.Results.Any(r => r.Outcome == AppendOutcome.Conflict)).ToList();
            if (conflicted.Count == 0)
            {
                foreach (var (_, mine) in slices)
                {
                    CountAppended(mine);
                }

                return slices;
            }

            foreach (var (grouped, mine) in conflicted)
            {
                CountAppended(mine);
                Answer(grouped.Recording, new RecordingResult(grouped.Diagnostics, mine, [], []));
            }

            pending = [.. slices.Where(s => !s.Results.Any(r => r.Outcome == AppendOutcome.Conflict)).Select(s => s.Grouped)];
        }

        return [];
    }

    private void CountAppended(IReadOnlyList<AppendResult> results) =>
        metrics.RecordsAppended(
            results.Count(r => r.Outcome == AppendOutcome.Inserted),
            results.Count(r => r.Outcome == AppendOutcome.Duplicate),
            results.Count(r => r.Outcome == AppendOutcome.Conflict));

    /// <summary>Answers a recording of a group, counted and timed (from when it was queued) for the meters.</summary>
    private void Answer(QueuedRecording recording, RecordingResult result)
    {
        metrics.Recorded(Outcome(result), Stopwatch.GetElapsedTime(recording.Queued));
        recording.Complete(result);
    }

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
            // A header without rows records nothing, as one unit's CSV of its header alone does.
            return split.Units.Count == 0
                ? Task.FromResult(new RecordingResult(split.Diagnostics, [], [], []))
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

    private async Task<RecordingResult> RecordTakenAsync(
        CsvByUnit split, IReadOnlyList<(RunningUnit Unit, UnitSession Session)> taken, string recordedBy, Func<RunningUnit, RecordPolicy> policyFor, string path, CancellationToken ct)
    {
        // Each unit as it runs now: taking its session follows a migration another host stored.
        var takenOf = taken.ToDictionary(t => t.Unit.Unit.Id, t => t, StringComparer.Ordinal);
        var logs = new List<(RunningUnit Unit, ActivityLog Log)>(split.Units.Count);
        var diagnostics = new List<PlanDiagnostic>(split.Diagnostics);
        foreach (var (asked, rows) in split.Units)
        {
            var (unit, session) = takenOf[asked.Unit.Id];
            var known = session.Compliance.Records.Values.OfType<DocumentRecord>().ToDictionary(d => d.Key, StringComparer.Ordinal);
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
