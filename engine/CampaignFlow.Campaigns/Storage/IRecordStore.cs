namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// The records units made, unique per (unit, key). A unit's compliance session is rebuilt from them after a
/// restart, so an acknowledged append must survive a crash.
/// </summary>
/// <threadsafety>Implementations must be safe for concurrent use by many hosts.</threadsafety>
public interface IRecordStore
{
    /// <summary>
    /// Stores a batch in one transaction: each record is inserted unless its (unit, key) is already stored, in
    /// which case it is a <see cref="AppendOutcome.Duplicate"/> (same payload) or a <see cref="AppendOutcome.Conflict"/>
    /// (another payload) and the stored record is left as it was. Keys repeated inside one batch are judged against
    /// the batch's earlier records. A batch is all or nothing: when any record conflicts, nothing of it is stored and
    /// its new records come back <see cref="AppendOutcome.Withheld"/>, so two hosts racing cannot store half a batch.
    /// Results come in the batch's order.
    /// </summary>
    ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The record stored under (<paramref name="unit"/>, <paramref name="key"/>), if any.</summary>
    ValueTask<StoredRecord?> GetAsync(string unit, string key, CancellationToken cancellationToken = default);

    /// <summary>A unit's records with a sequence above <paramref name="afterSequence"/>, in sequence order, at most <paramref name="maxCount"/>.</summary>
    ValueTask<IReadOnlyList<StoredRecord>> ReadUnitAsync(string unit, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>
    /// The records of each of <paramref name="units"/> (a unit at most once) with a sequence above its
    /// <see cref="UnitRecordsAfter.AfterSequence"/>, in sequence order: what a period boundary's batch of units reads to
    /// rebuild or catch up their rule sessions. Stores read them in one query, however many units; this default reads
    /// each unit in turn.
    /// </summary>
    async ValueTask<IReadOnlyList<StoredRecord>> ReadUnitsAsync(IReadOnlyList<UnitRecordsAfter> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var read = new List<StoredRecord>();
        foreach (var unit in units)
        {
            read.AddRange(await ReadUnitAsync(unit.Unit, unit.AfterSequence, cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        read.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return read;
    }

    /// <summary>
    /// The records of every unit whose <see cref="StoredRecord.Kind"/> is one of <paramref name="kinds"/>, with a sequence
    /// above <paramref name="afterSequence"/>, in sequence order, at most <paramref name="maxCount"/>: what a body's
    /// requirements over the units below it read (the caller keeps those of its units). Indexed by kind and sequence.
    /// </summary>
    ValueTask<IReadOnlyList<StoredRecord>> ReadKindsAsync(IReadOnlyCollection<string> kinds, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>How many records a unit has stored.</summary>
    ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default);

    // The watermark of derived state (docs/adr/0007). AppendAsync moves a unit's RecordedThrough to its highest new
    // sequence in the transaction that stores the records, so a crash after the commit leaves the unit visibly behind.

    /// <summary>The unit's watermark, or null when the unit has neither records nor a watermark.</summary>
    ValueTask<UnitWatermark?> GetWatermarkAsync(string unit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The watermarks of those of <paramref name="units"/> that have one, in no particular order: what a boundary's batch
    /// reads to hand each unit's records judged since on to the bodies above. Stores read them in one query, however
    /// many units; this default reads each in turn.
    /// </summary>
    async ValueTask<IReadOnlyList<UnitWatermark>> GetWatermarksAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var marks = new List<UnitWatermark>(units.Count);
        foreach (var unit in units)
        {
            if (await GetWatermarkAsync(unit, cancellationToken).ConfigureAwait(false) is { } mark)
            {
                marks.Add(mark);
            }
        }

        return marks;
    }

    /// <summary>
    /// Gives every unit of <paramref name="units"/> that has no watermark one, due at <paramref name="dueAt"/>, so a unit
    /// never judged is found behind once the clock passes it; a unit that has a watermark keeps it. One statement, however many units.
    /// </summary>
    ValueTask EnsureWatermarksAsync(IReadOnlyCollection<string> units, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the unit's derived state is complete through record <paramref name="judgedThrough"/> and until
    /// <paramref name="dueAt"/>. <see cref="UnitWatermark.JudgedThrough"/> never moves back (a host that judged less,
    /// later, does not undo one that judged more); <see cref="UnitWatermark.DueAt"/> is replaced.
    /// </summary>
    ValueTask MarkJudgedAsync(string unit, long judgedThrough, DateTimeOffset? dueAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="MarkJudgedAsync"/> for each of <paramref name="judgements"/> (a unit at most once). Stores record them in
    /// one transaction, so a period boundary of thousands of units moves their watermarks in one commit; this default
    /// marks each in turn.
    /// </summary>
    async ValueTask MarkJudgedManyAsync(IReadOnlyList<UnitJudgement> judgements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        foreach (var judgement in judgements)
        {
            await MarkJudgedAsync(judgement.Unit, judgement.JudgedThrough, judgement.DueAt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The units that are behind at <paramref name="now"/> (<see cref="UnitWatermark.IsBehind"/>) with a unit id above
    /// <paramref name="afterUnit"/>, by unit id, at most <paramref name="maxCount"/>. Indexed on what is behind: the cost
    /// follows the units behind, not the units there are.
    /// </summary>
    ValueTask<IReadOnlyList<UnitWatermark>> UnitsBehindAsync(DateTimeOffset now, string? afterUnit = null, int maxCount = 256, CancellationToken cancellationToken = default);
}
