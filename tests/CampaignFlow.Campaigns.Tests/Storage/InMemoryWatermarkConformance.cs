using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;

namespace CampaignFlow.Campaigns.Tests.Storage;

/// <summary>The watermark contract, on <see cref="InMemoryRecordStore"/>.</summary>
public sealed class InMemoryWatermarkConformance : WatermarkConformance
{
    protected override IRecordStore CreateStore() => new InMemoryRecordStore();
}
