using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>The migration scenario (dry run against the result, a restart) on a SQLite file.</summary>
public sealed class SqliteMigrationConformance : MigrationConformance
{
    private readonly TemporaryDatabase _database = new();

    protected override Task<CampaignStores> OpenStoresAsync() => Task.FromResult(SqliteCampaignStores.Open(_database.Path));

    protected override void Dispose(bool disposing)
    {
        _database.Dispose();
        base.Dispose(disposing);
    }
}
