using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>The process dies the moment its records are durable: what the pipeline does after the append never runs.</summary>
internal sealed class KilledAfterCommit(IRecordStore inner) : IRecordStore
{
    public async ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        await inner.AppendAsync(records, cancellationToken);
        throw new HostKilledException();
    }

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

    public ValueTask<IReadOnlyList<UnitWatermark>> UnitsBehindAsync(DateTimeOffset now, string? afterUnit = null, int maxCount = 256, CancellationToken cancellationToken = default) =>
        inner.UnitsBehindAsync(now, afterUnit, maxCount, cancellationToken);
}
