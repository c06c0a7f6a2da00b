using CampaignFlow.Campaigns.Bodies;
using CampaignFlow.Campaigns.Migrating;
using CampaignFlow.Campaigns.Progress;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Campaigns.Verdicts;
using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Campaigns.Reconciling;

/// <summary>
/// Finishes what a unit's records and the clock call for — the session moved to now, its verdicts persisted, its
/// bookmarks signalled — and only then moves the unit's watermark (docs/adr/0007). Each step repeats harmlessly
/// (verdicts are stored as the difference to the open rows, signals carry idempotency keys), so a crash before the
/// watermark moves costs one more pass, never a lost or doubled violation or signal.
/// </summary>
internal sealed class DerivedState(IRecordStore records, ViolationSync verdicts, WorkflowProgress progress, BodiesAbove bodies)
{
    /// <summary>Moves the unit's session to <paramref name="now"/>, persists, signals and marks it judged. The caller holds the unit's lock.</summary>
    public async Task CompleteAsync(RunningUnit unit, UnitSession session, DateTimeOffset now, CancellationToken ct)
    {
        await verdicts.AdvanceAsync(unit, session, now, ct).ConfigureAwait(false);
        await progress.SignalAsync(unit, session, ct).ConfigureAwait(false);
        await MarkJudgedAsync(unit, session, now, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="CompleteAsync"/> for many units at once: their verdicts persisted in one transaction, their instances
    /// read in one call, their watermarks moved in one transaction. The caller holds every unit's lock. A crash between
    /// the steps leaves the units behind, and the next pass repeats them harmlessly, as for one unit.
    /// </summary>
    public async Task CompleteManyAsync(IReadOnlyList<(RunningUnit Unit, UnitSession Session)> units, DateTimeOffset now, CancellationToken ct)
    {
        await verdicts.AdvanceManyAsync(units, now, ct).ConfigureAwait(false);
        await progress.SignalManyAsync(units, ct).ConfigureAwait(false);
        await MarkManyJudgedAsync(units, now, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// After the session's verdicts through its last record were persisted and its bookmarks signalled at
    /// <paramref name="now"/>: the unit is judged through that record, and due again at the plan's next boundary.
    /// </summary>
    /// <remarks>
    /// The records judged since the last mark are first handed on to the bodies above that count the unit, which judge
    /// them at the next tick (<see cref="BodiesAbove.FlushAsync"/>).
    /// </remarks>
    public async Task MarkJudgedAsync(RunningUnit unit, UnitSession session, DateTimeOffset now, CancellationToken ct)
    {
        await HandOnAsync(unit, session, ct).ConfigureAwait(false);
        await records.MarkJudgedAsync(unit.Unit.Id, session.LastSequence, unit.Compiled.Campaign.NextBoundaryAfter(now), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="MarkJudgedAsync"/> for many units whose verdicts were persisted and bookmarks signalled at
    /// <paramref name="now"/>: their records handed on, their watermarks moved in one transaction.
    /// </summary>
    public async Task MarkManyJudgedAsync(IReadOnlyList<(RunningUnit Unit, UnitSession Session)> units, DateTimeOffset now, CancellationToken ct)
    {
        await HandOnManyAsync(units, ct).ConfigureAwait(false);
        var judgements = new List<UnitJudgement>(units.Count);
        foreach (var (unit, session) in units)
        {
            judgements.Add(new UnitJudgement(unit.Unit.Id, session.LastSequence, unit.Compiled.Campaign.NextBoundaryAfter(now)));
        }

        await records.MarkJudgedManyAsync(judgements, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="HandOnAsync"/> for many units: the watermarks of those counted by a body in one read, and the records
    /// of those whose last catch-up did not feed exactly what was judged since in one read, then handed on in the units' order.
    /// </summary>
    private async Task HandOnManyAsync(IReadOnlyList<(RunningUnit Unit, UnitSession Session)> units, CancellationToken ct)
    {
        var counted = units.Select(u => (u.Unit, u.Session, Bodies: bodies.Counting(u.Unit))).Where(c => c.Bodies.Count > 0).ToArray();
        if (counted.Length == 0)
        {
            return;
        }

        var marks = (await records.GetWatermarksAsync([.. counted.Select(c => c.Unit.Unit.Id).Distinct(StringComparer.Ordinal)], ct).ConfigureAwait(false))
            .ToDictionary(m => m.Unit, m => m.JudgedThrough, StringComparer.Ordinal);
        var handing = counted
            .Select(c => (c.Unit, c.Session, c.Bodies, Judged: marks.GetValueOrDefault(c.Unit.Unit.Id)))
            .Where(c => c.Session.LastSequence > c.Judged)
            .ToArray();
        var unread = handing.Where(c => c.Session.LastFed is not { } fed || fed.After != c.Judged || fed.Through != c.Session.LastSequence).ToArray();
        var read = unread.Length == 0
            ? new Dictionary<string, (string Kind, UnitRecord Record)[]>(StringComparer.Ordinal)
            : (await records.ReadUnitsAsync([.. unread.Select(c => new UnitRecordsAfter(c.Unit.Unit.Id, c.Judged)).DistinctBy(a => a.Unit, StringComparer.Ordinal)], ct).ConfigureAwait(false))
                .GroupBy(r => r.Unit, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => MigrationMark.DecodedByKind(g).ToArray(), StringComparer.Ordinal);
        foreach (var (unit, session, counting, judged) in handing)
        {
            bodies.HandOn(counting, session.LastFed is { } fed && fed.After == judged && fed.Through == session.LastSequence
                ? fed.Records
                : read.GetValueOrDefault(unit.Unit.Id) ?? []);
        }
    }

    private async Task HandOnAsync(RunningUnit unit, UnitSession session, CancellationToken ct)
    {
        if (bodies.Counting(unit) is { Count: > 0 } counting
            && (await records.GetWatermarkAsync(unit.Unit.Id, ct).ConfigureAwait(false))?.JudgedThrough is var judged
            && session.LastSequence > (judged ?? 0))
        {
            await bodies.HandOnAsync(unit, counting, judged ?? 0, session.LastSequence, session.LastFed, ct).ConfigureAwait(false);
        }
    }
}
