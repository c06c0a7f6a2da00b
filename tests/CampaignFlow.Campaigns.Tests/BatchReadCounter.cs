using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A record store that counts the reads of several units' records at once, and the units they read.</summary>
internal sealed class BatchReadCounter(IRecordStore inner) : DelegatingRecordStore(inner)
{
    private int _batchReads;
    private int _unitsReadTogether;

    /// <summary>How many reads asked for more than one unit.</summary>
    public int BatchReads => Volatile.Read(ref _batchReads);

    /// <summary>How many units those reads asked for between them.</summary>
    public int UnitsReadTogether => Volatile.Read(ref _unitsReadTogether);

    public override ValueTask<IReadOnlyList<StoredRecord>> ReadUnitsAsync(IReadOnlyList<UnitRecordsAfter> units, CancellationToken cancellationToken = default)
    {
        if (units.Count > 1)
        {
            Interlocked.Increment(ref _batchReads);
            Interlocked.Add(ref _unitsReadTogether, units.Count);
        }

        return Inner.ReadUnitsAsync(units, cancellationToken);
    }
}
