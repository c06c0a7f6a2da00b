using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;

namespace CampaignFlow.Campaigns.Tests.Storage;

/// <summary>The written-once record store contract, on <see cref="InMemoryRecordStore"/>.</summary>
public sealed class InMemoryRecordStoreConformance : RecordStoreConformance
{
    protected override IRecordStore CreateStore() => new InMemoryRecordStore();
}
