using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Campaigns;
using CampaignFlow.Storage.Postgres.Tests.Server;
using CampaignFlow.Testing.Postgres;

namespace CampaignFlow.Storage.Postgres.Tests.Campaigns;

/// <summary>The watermark contract, on <see cref="PostgresRecordStore"/>: every test gets a fresh, migrated schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWatermarkConformance(PrivatePostgresServer server) : WatermarkConformance
{
    protected override IRecordStore CreateStore() => server.CreateCampaignStores().Records;
}
