using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Migrations;
using CampaignFlow.Storage.Postgres.Partitions;
using CampaignFlow.Storage.Postgres.Workflows;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Campaigns;

/// <summary>Opens every store a campaign host needs on one PostgreSQL database.</summary>
public static class PostgresCampaignStores
{
    /// <summary>The schema used when none is given (the workflow store's).</summary>
    public const string DefaultSchema = PostgresWorkflowStore.DefaultSchema;

    /// <summary>
    /// Migrates <paramref name="schema"/> to the latest version (safe when several hosts start at once) and returns
    /// the workflow, record, violation and plan stores, the unit locks and the partition leases over it, sharing one connection pool. Disposing the bundle
    /// disposes the pool.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="schema">The schema (a plain lower-case identifier).</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    public static async Task<CampaignStores> OpenAsync(string connectionString, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            return await OpenAsync(dataSource, schema, cancellationToken).ConfigureAwait(false) with { Owner = dataSource };
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>As <see cref="OpenAsync(string, string, CancellationToken)"/>, over a data source the caller owns (the bundle does not dispose it).</summary>
    /// <param name="dataSource">The connection pool.</param>
    /// <param name="schema">The schema (a plain lower-case identifier).</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    public static async Task<CampaignStores> OpenAsync(NpgsqlDataSource dataSource, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await PostgresMigrator.MigrateAsync(dataSource, schema, cancellationToken).ConfigureAwait(false);
        return new CampaignStores(
            new PostgresWorkflowStore(dataSource, schema),
            new PostgresRecordStore(dataSource, schema),
            new PostgresViolationStore(dataSource, schema),
            new PostgresPlanStore(dataSource, schema))
        {
            UnitLocks = new PostgresUnitLocks(dataSource, schema),
            SharedByHosts = true,
            Drafts = new PostgresPlanDraftStore(dataSource, schema),
            PartitionLeases = new PostgresPartitionLeaseStore(dataSource, schema),
        };
    }
}
