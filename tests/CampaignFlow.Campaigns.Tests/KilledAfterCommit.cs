using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>The process dies the moment its records are durable: what the pipeline does after the append never runs.</summary>
internal sealed class KilledAfterCommit(IRecordStore inner) : DelegatingRecordStore(inner)
{
    public override async ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        await Inner.AppendAsync(records, cancellationToken);
        throw new HostKilledException();
    }
}
