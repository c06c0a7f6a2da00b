using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A record store that hands every call to another, for test stores that change one or two of them.</summary>
internal abstract class DelegatingRecordStore(IRecordStore inner) : IRecordStore
{
    protected IRecordStore Inner { get; } = inner;

    public virtual ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default) => Inner.AppendAsync(records, cancellationToken);

    public ValueTask<StoredRecord?> GetAsync(string unit, string key, CancellationToken cancellationToken = default) => Inner.GetAsync(unit, key, cancellationToken);

    public ValueTask<IReadOnlyList<StoredRecord>> ReadUnitAsync(string unit, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        Inner.ReadUnitAsync(unit, afterSequence, maxCount, cancellationToken);

    public virtual ValueTask<IReadOnlyList<StoredRecord>> ReadUnitsAsync(IReadOnlyList<UnitRecordsAfter> units, CancellationToken cancellationToken = default) =>
        Inner.ReadUnitsAsync(units, cancellationToken);

    public ValueTask<IReadOnlyList<StoredRecord>> ReadKindsAsync(IReadOnlyCollection<string> kinds, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        Inner.ReadKindsAsync(kinds, afterSequence, maxCount, cancellationToken);

    public ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default) => Inner.CountUnitAsync(unit, cancellationToken);

    public ValueTask<UnitWatermark?> GetWatermarkAsync(string unit, CancellationToken cancellationToken = default) => Inner.GetWatermarkAsync(unit, cancellationToken);

    public ValueTask<IReadOnlyList<UnitWatermark>> GetWatermarksAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default) =>
        Inner.GetWatermarksAsync(units, cancellationToken);

    public ValueTask EnsureWatermarksAsync(IReadOnlyCollection<string> units, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        Inner.EnsureWatermarksAsync(units, dueAt, cancellationToken);

    public ValueTask MarkJudgedAsync(string unit, long judgedThrough, DateTimeOffset? dueAt, CancellationToken cancellationToken = default) =>
        Inner.MarkJudgedAsync(unit, judgedThrough, dueAt, cancellationToken);

    public ValueTask MarkJudgedManyAsync(IReadOnlyList<UnitJudgement> judgements, CancellationToken cancellationToken = default) => Inner.MarkJudgedManyAsync(judgements, cancellationToken);

    public ValueTask<IReadOnlyList<UnitWatermark>> UnitsBehindAsync(DateTimeOffset now, string? afterUnit = null, int maxCount = 256, CancellationToken cancellationToken = default) =>
        Inner.UnitsBehindAsync(now, afterUnit, maxCount, cancellationToken);
}
