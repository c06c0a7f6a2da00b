using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>The migration scenario (dry run against the result, a restart) on a fresh PostgreSQL schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationConformance(PrivatePostgresServer server) : MigrationConformance
{
    protected override async Task<CampaignStores> OpenStoresAsync() =>
        await PostgresCampaignStores.OpenAsync(server.ConnectionString, server.NewSchemaName());
}
