using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace CampaignFlow.Storage.Postgres.Campaigns;

/// <summary>
/// The <see cref="IPlanStore"/> on PostgreSQL: table <c>campaign_plan_version</c>, keyed on <c>(plan_id, version)</c>,
/// with the files as a <c>jsonb</c> array (<see cref="PlanSourceFileJson"/>).
/// </summary>
/// <remarks>
/// Publishing is <c>INSERT … ON CONFLICT (plan_id, version) DO NOTHING</c>, then, when nothing was inserted, a read
/// of the stored row. Of two hosts publishing one version at once, the second's insert waits on the first's
/// uncommitted row in the primary key, does nothing once it commits, and reads it: exactly one is told
/// <see cref="PublishOutcome.Created"/>. A stored row is never updated.
/// </remarks>
/// <threadsafety>All members are safe for concurrent use; each call takes its own pooled connection.</threadsafety>
public sealed class PostgresPlanStore : IPlanStore
{
    private const string Columns = "plan_id, version, unit, hash, files::text, published_at, published_offset_minutes";
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;

    /// <summary>A store over an already migrated schema (see <see cref="PostgresCampaignStores"/>). The caller owns the data source.</summary>
    public PostgresPlanStore(NpgsqlDataSource dataSource, string schema = PostgresCampaignStores.DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _table = PostgresSchema.Quote(schema) + ".campaign_plan_version";
    }

    /// <inheritdoc />
    public async ValueTask<PublishResult> PublishAsync(PlanVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using (var insert = _dataSource.CreateCommand(
            $"INSERT INTO {_table} (plan_id, version, unit, hash, files, published_at, published_offset_minutes) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) " +
            "ON CONFLICT (plan_id, version) DO NOTHING"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = version.PlanId });
            insert.Parameters.Add(new NpgsqlParameter { Value = version.Version });
            insert.Parameters.Add(new NpgsqlParameter { Value = version.Unit });
            insert.Parameters.Add(new NpgsqlParameter { Value = version.Hash });
            insert.Parameters.Add(new NpgsqlParameter { Value = PlanSourceFileJson.Write(version.Files) });
            insert.Parameters.Add(new NpgsqlParameter { Value = PostgresTime.Utc(version.PublishedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = PostgresTime.Offset(version.PublishedAt) });
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return new PublishResult(PublishOutcome.Created, version);
            }
        }

        var stored = await GetAsync(version.PlanId, version.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Plan {version.PlanId} version {version.Version} was neither inserted nor found; was it deleted by hand?");
        return new PublishResult(stored.Hash == version.Hash ? PublishOutcome.Unchanged : PublishOutcome.Conflict, stored);
    }

    /// <inheritdoc />
    public async ValueTask<PlanVersion?> GetAsync(string planId, int version, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_table} WHERE plan_id = $1 AND version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = planId });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PlanVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_table} ORDER BY plan_id, version");
        var versions = new List<PlanVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(Read(reader));
        }

        return versions;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PlanVersion>> ListAsync(string planId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_table} WHERE plan_id = $1 ORDER BY version");
        command.Parameters.Add(new NpgsqlParameter { Value = planId });
        var versions = new List<PlanVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(Read(reader));
        }

        return versions;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, int>> HighestVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT plan_id, MAX(version) FROM {_table} GROUP BY plan_id");
        var highest = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            highest[reader.GetString(0)] = reader.GetInt32(1);
        }

        return highest;
    }

    private static PlanVersion Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), PlanSourceFileJson.Read(reader.GetString(4)),
            PostgresTime.Read(reader.GetFieldValue<DateTime>(5), reader.GetInt16(6)));
}
