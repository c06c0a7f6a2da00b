using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;

namespace CampaignFlow.Campaigns.Tests.Storage;

/// <summary>The written-once plan store contract, on <see cref="InMemoryPlanStore"/>.</summary>
public sealed class InMemoryPlanStoreConformance : PlanStoreConformance
{
    protected override IPlanStore CreateStore() => new InMemoryPlanStore();
}
