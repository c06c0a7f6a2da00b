using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>The migration scenario (dry run against the result, a restart) on the in-memory stores.</summary>
public sealed class InMemoryMigrationTests : MigrationConformance
{
    protected override Task<CampaignStores> OpenStoresAsync() => Task.FromResult(CampaignStores.InMemory());
}
