namespace CampaignFlow.Server.Hosting;

/// <summary>Where campaigns are kept.</summary>
public enum StoreKind
{
    /// <summary>One SQLite file in the data folder; nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database; several hosts may share it.</summary>
    Postgres,
}
