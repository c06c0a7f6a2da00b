using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;

namespace CampaignFlow.Campaigns.Tests.Storage;

/// <summary>The written-once violation store contract, on <see cref="InMemoryViolationStore"/>.</summary>
public sealed class InMemoryViolationStoreConformance : ViolationStoreConformance
{
    protected override IViolationStore CreateStore() => new InMemoryViolationStore();
}
