using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>The two-client contract on PostgreSQL: two hosts with separate connection pools, one schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentClientsConformance(PrivatePostgresServer server) : ConcurrentClientsConformance
{
    protected override async Task<(CampaignStores A, CampaignStores B)> OpenTwoClientsAsync()
    {
        var schema = server.NewSchemaName();
        return (await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema), await PostgresCampaignStores.OpenAsync(server.ConnectionString, schema));
    }
}
