namespace CampaignFlow.Storage.Sqlite;

/// <summary>Tuning of a <see cref="SqliteWorkflowStore"/>; the defaults are the safe ones.</summary>
public sealed class SqliteWorkflowStoreOptions
{
    /// <summary>Sync policy per commit (default <see cref="SqliteDurability.Full"/>: no acknowledged step is ever lost).</summary>
    public SqliteDurability Durability { get; init; } = SqliteDurability.Full;

    /// <summary>
    /// How long a write waits for another process's write transaction to finish before it fails with
    /// <c>SQLITE_BUSY</c> (default 30 seconds). SQLite allows one writer per file at a time.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many idle read connections the store keeps open (default 4).</summary>
    public int MaxIdleReaders { get; init; } = 4;
}
