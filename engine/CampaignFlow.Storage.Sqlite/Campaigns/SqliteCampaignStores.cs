using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Connections;

namespace CampaignFlow.Storage.Sqlite.Campaigns;

/// <summary>Opens every store a campaign host needs on one SQLite file.</summary>
public static class SqliteCampaignStores
{
    /// <summary>
    /// Opens (creating it and its folder when missing) the database at <paramref name="databasePath"/>, switches it
    /// to WAL, applies the migrations it lacks, and returns the workflow, record, violation and plan stores over it.
    /// </summary>
    /// <remarks>
    /// The four stores are one client of the file: they share one writer connection behind one gate (SQLite admits
    /// one writer per file, so this process's writes queue here instead of in SQLite's busy handler) and a pool of
    /// readers. Dispose the returned bundle to close them. Other processes may open the same file as other clients.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this build, or WAL cannot be enabled.</exception>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The file cannot be opened or is not a database.</exception>
    public static CampaignStores Open(string databasePath, SqliteWorkflowStoreOptions? options = null)
    {
        return Over(SqliteConnections.OpenDatabase(databasePath, options ?? new SqliteWorkflowStoreOptions()));
    }

    /// <summary>
    /// Opens the existing database at <paramref name="databasePath"/> read-only, for tools that look at a server's
    /// data without running it (<c>campaignflow violations --data</c>): nothing is created or migrated, and every
    /// write through the returned stores fails. The server may be running on the same file meanwhile.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="databasePath"/>.</exception>
    /// <exception cref="InvalidOperationException">The file is not a CampaignFlow store, or its schema is not this build's.</exception>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The file cannot be opened or is not a database.</exception>
    public static CampaignStores OpenReadOnly(string databasePath, SqliteWorkflowStoreOptions? options = null)
    {
        return Over(SqliteConnections.OpenExisting(databasePath, options ?? new SqliteWorkflowStoreOptions()));
    }

    // The four stores on one file's connections, which the bundle owns.
    private static CampaignStores Over(SqliteConnections connections) =>
        new(
            SqliteWorkflowStore.Over(connections.DatabasePath, connections),
            new SqliteRecordStore(connections),
            new SqliteViolationStore(connections),
            new SqlitePlanStore(connections))
        {
            Owner = connections,
            Drafts = new SqlitePlanDraftStore(connections),
        };
}
