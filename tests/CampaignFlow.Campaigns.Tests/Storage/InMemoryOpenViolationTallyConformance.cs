using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Storage.InMemory;

namespace CampaignFlow.Campaigns.Tests.Storage;

/// <summary>The violation store's tallies for roll-ups, on <see cref="InMemoryViolationStore"/>.</summary>
public sealed class InMemoryOpenViolationTallyConformance : OpenViolationTallyConformance
{
    protected override IViolationStore CreateStore() => new InMemoryViolationStore();
}
