using CampaignFlow.Campaigns.Conformance;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>The two-client contract on SQLite: two clients of one file, with separate connections as two processes have.</summary>
public sealed class SqliteConcurrentClientsConformance : ConcurrentClientsConformance, IDisposable
{
    private readonly List<TemporaryDatabase> _databases = [];

    protected override Task<(CampaignStores A, CampaignStores B)> OpenTwoClientsAsync()
    {
        var database = new TemporaryDatabase();
        _databases.Add(database);
        return Task.FromResult((SqliteCampaignStores.Open(database.Path), SqliteCampaignStores.Open(database.Path)));
    }

    public void Dispose() => _databases.ForEach(d => d.Dispose());
}
