using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>The violation store's tallies for roll-ups, on <see cref="PostgresViolationStore"/>: every test gets a fresh, migrated schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOpenViolationTallyConformance(PrivatePostgresServer server) : OpenViolationTallyConformance
{
    protected override IViolationStore CreateStore() => server.CreateCampaignStores().Violations;
}
