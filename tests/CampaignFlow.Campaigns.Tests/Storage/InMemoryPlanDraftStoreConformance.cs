using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;

namespace CampaignFlow.Campaigns.Tests.Storage;

/// <summary>The plan draft store contract, on <see cref="InMemoryPlanDraftStore"/>.</summary>
public sealed class InMemoryPlanDraftStoreConformance : PlanDraftStoreConformance
{
    protected override IPlanDraftStore CreateStore() => new InMemoryPlanDraftStore();
}
