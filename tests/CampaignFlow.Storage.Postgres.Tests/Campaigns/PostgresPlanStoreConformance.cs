using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>The written-once plan store contract, on <see cref="PostgresPlanStore"/>: every test gets a fresh, migrated schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPlanStoreConformance(PrivatePostgresServer server) : PlanStoreConformance
{
    protected override IPlanStore CreateStore() => server.CreateCampaignStores().Plans;
}
