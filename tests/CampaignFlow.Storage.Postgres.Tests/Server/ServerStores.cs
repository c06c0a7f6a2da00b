using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Workflows;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Server;

/// <summary>Stores over fresh schemas of the run's private server.</summary>
internal static class ServerStores
{
    /// <summary>A fresh, empty, migrated schema with a workflow store over it.</summary>
    public static PostgresWorkflowStore CreateStore(this PrivatePostgresServer server) =>
        PostgresWorkflowStore.OpenAsync(server.DataSource, server.NewSchemaName()).GetAwaiter().GetResult();

    /// <summary>A fresh, empty, migrated schema with the campaign stores over it (on the shared data source, which the bundle does not own).</summary>
    public static CampaignStores CreateCampaignStores(this PrivatePostgresServer server) =>
        PostgresCampaignStores.OpenAsync(server.DataSource, server.NewSchemaName()).GetAwaiter().GetResult();
}
