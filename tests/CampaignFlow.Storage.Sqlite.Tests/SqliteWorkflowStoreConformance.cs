using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using CampaignFlow.Workflows.Conformance;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Storage.Sqlite.Tests;

/// <summary>The written-once store contract, run against <see cref="SqliteWorkflowStore"/>: every test on a fresh database file.</summary>
public sealed class SqliteWorkflowStoreConformance : WorkflowStoreConformance, IDisposable
{
    private readonly List<(TemporaryDatabase Database, SqliteWorkflowStore Store)> _opened = [];

    protected override IWorkflowStore CreateStore()
    {
        var database = new TemporaryDatabase();
        var store = SqliteWorkflowStore.Open(database.Path);
        _opened.Add((database, store));
        return store;
    }

    public void Dispose()
    {
        foreach (var (database, store) in _opened)
        {
            store.Dispose();
            database.Dispose();
        }
    }
}
