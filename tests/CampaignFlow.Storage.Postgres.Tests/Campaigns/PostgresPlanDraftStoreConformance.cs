using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>The plan draft store contract, on <see cref="PostgresPlanDraftStore"/>: every test gets a fresh, migrated schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPlanDraftStoreConformance(PrivatePostgresServer server) : PlanDraftStoreConformance
{
    protected override IPlanDraftStore CreateStore() => server.CreateCampaignStores().Drafts;
}
