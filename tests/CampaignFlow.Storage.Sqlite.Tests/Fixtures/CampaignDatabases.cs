using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;

namespace CampaignFlow.Storage.Sqlite.Tests.Fixtures;

/// <summary>Campaign store bundles, each on a fresh database file; all closed and deleted on dispose.</summary>
internal sealed class CampaignDatabases : IDisposable
{
    private readonly List<(TemporaryDatabase Database, CampaignStores Stores)> _opened = [];

    public CampaignStores OpenNew()
    {
        var database = new TemporaryDatabase();
        var stores = SqliteCampaignStores.Open(database.Path);
        _opened.Add((database, stores));
        return stores;
    }

    public void Dispose()
    {
        foreach (var (database, stores) in _opened)
        {
            stores.DisposeAsync().AsTask().GetAwaiter().GetResult();
            database.Dispose();
        }
    }
}
