namespace CampaignFlow.Storage.Sqlite;

/// <summary>How hard SQLite works to keep a committed transaction across crashes (<c>PRAGMA synchronous</c> in WAL mode).</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>: the WAL is synced to disk at every commit, so an acknowledged commit survives
    /// a process crash and also an operating-system crash or power loss. The default.
    /// </summary>
    Full,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: the WAL is synced only at checkpoints. An acknowledged commit survives a
    /// process crash, but the last few may be lost if the machine itself goes down. Faster; for simulations.
    /// </summary>
    Normal,
}
