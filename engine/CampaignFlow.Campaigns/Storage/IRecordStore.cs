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

    /// <summary>How many records a unit has stored.</summary>
    ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default);
}
