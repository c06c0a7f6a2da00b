using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A record store that counts the reads of several units' records at once, and the units they read.</summary>
internal sealed class BatchReadCounter(IRecordStore inner) : IRecordStore
{
    private int _batchReads;
    private int _unitsReadTogether;

    /// <summary>How many reads asked for more than one unit.</summary>
    public int BatchReads => Volatile.Read(ref _batchReads);

    /// <summary>How many units those reads asked for between them.</summary>
    public int UnitsReadTogether => Volatile.Read(ref _unitsReadTogether);

    public ValueTask<IReadOnlyList<StoredRecord>> ReadUnitsAsync(IReadOnlyList<UnitRecordsAfter> units, CancellationToken cancellationToken = default)
    {
        if (units.Count > 1)
        {
            Interlocked.Increment(ref _batchReads);
            Interlocked.Add(ref _unitsReadTogether, units.Count);
        }

        return inner.ReadUnitsAsync(units, cancellationToken);
    }

    public ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default) => inner.AppendAsync(records, cancellationToken);

    public ValueTask<StoredRecord?> GetAsync(string unit, string key, CancellationToken cancellationToken = default) => inner.GetAsync(unit, key, cancellationToken);

    public ValueTask<IReadOnlyList<StoredRecord>> ReadUnitAsync(string unit, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        inner.ReadUnitAsync(unit, afterSequence, maxCount, cancellationToken);

    public ValueTask<IReadOnlyList<StoredRecord>> ReadKindsAsync(IReadOnlyCollection<string> kinds, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        inner.ReadKindsAsync(kinds, afterSequence, maxCount, cancellationToken);

    public ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default) => inner.CountUnitAsync(unit, cancellationToken);

    public ValueTask<UnitWatermark?> GetWatermarkAsync(string unit, CancellationToken cancellationToken = default) => inner.GetWatermarkAsync(unit, cancellationToken);

    public ValueTask EnsureWatermarksAsync(IReadOnlyCollection<string> units, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        inner.EnsureWatermarksAsync(units, dueAt, cancellationToken);

    public ValueTask MarkJudgedAsync(string unit, long judgedThrough, DateTimeOffset? dueAt, CancellationToken cancellationToken = default) =>
        inner.MarkJudgedAsync(unit, judgedThrough, dueAt, cancellationToken);

    public ValueTask MarkJudgedManyAsync(IReadOnlyList<UnitJudgement> judgements, CancellationToken cancellationToken = default) => inner.MarkJudgedManyAsync(judgements, cancellationToken);

    public ValueTask<IReadOnlyList<UnitWatermark>> UnitsBehindAsync(DateTimeOffset now, string? afterUnit = null, int maxCount = 256, CancellationToken cancellationToken = default) =>
        inner.UnitsBehindAsync(now, afterUnit, maxCount, cancellationToken);
}
