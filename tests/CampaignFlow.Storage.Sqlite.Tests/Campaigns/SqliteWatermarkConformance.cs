using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>The watermark contract, on <see cref="SqliteRecordStore"/>: every test on a fresh database file.</summary>
public sealed class SqliteWatermarkConformance : WatermarkConformance, IDisposable
{
    private readonly CampaignDatabases _databases = new();

    protected override IRecordStore CreateStore() => _databases.OpenNew().Records;

    public void Dispose() => _databases.Dispose();
}
