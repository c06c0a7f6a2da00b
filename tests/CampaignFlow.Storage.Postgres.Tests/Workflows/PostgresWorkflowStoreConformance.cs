using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;
using CampaignFlow.Workflows.Conformance;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Storage.Postgres.Tests.Workflows;

/// <summary>The written-once store contract, on PostgreSQL: every test gets a fresh, migrated schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkflowStoreConformance(PrivatePostgresServer server) : WorkflowStoreConformance
{
    protected override IWorkflowStore CreateStore() => server.CreateStore();
}
