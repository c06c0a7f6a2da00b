using CampaignFlow.Storage.Postgres.Workflows;
using CampaignFlow.Workflows.Partitions;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Partitions;

/// <summary>
/// Partition leases on one PostgreSQL database (schema version 8, docs/adr/0022): one row a leased partition, one row a
/// host's presence, timed by the database's clock (<c>clock_timestamp()</c>).
/// </summary>
/// <threadsafety>Safe for concurrent use by many hosts: taking a partition is one conditional upsert.</threadsafety>
/// <param name="dataSource">The connection pool; the caller owns it.</param>
/// <param name="schema">The schema (already migrated).</param>
public sealed class PostgresPartitionLeaseStore(NpgsqlDataSource dataSource, string schema = PostgresWorkflowStore.DefaultSchema) : IPartitionLeaseStore
{
    private readonly string _lease = schema + ".workflow_partition_lease";
    private readonly string _host = schema + ".workflow_partition_host";

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, int>> JoinAsync(string hostId, int partitionCount, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        await using (var join = Command(
            $"INSERT INTO {_host} (host_id, alive_until, partitions) VALUES ($1, clock_timestamp() + $2, $3) " +
            "ON CONFLICT (host_id) DO UPDATE SET alive_until = EXCLUDED.alive_until, partitions = EXCLUDED.partitions", hostId, lease, partitionCount))
        {
            await join.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = Command($"SELECT host_id, partitions FROM {_host} WHERE alive_until > clock_timestamp() AND host_id <> $1 AND partitions > 0", hostId);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <inheritdoc />
    public async ValueTask<PartitionLeaseView> RenewAsync(string hostId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        // Hosts long gone are forgotten, so the table holds the hosts of the last day at most.
        await using (var batch = dataSource.CreateBatch())
        {
            batch.BatchCommands.Add(BatchCommand(
                $"INSERT INTO {_host} (host_id, alive_until) VALUES ($1, clock_timestamp() + $2) " +
                "ON CONFLICT (host_id) DO UPDATE SET alive_until = EXCLUDED.alive_until", hostId, lease));
            batch.BatchCommands.Add(BatchCommand($"DELETE FROM {_host} WHERE alive_until < clock_timestamp() - interval '1 day'"));
            batch.BatchCommands.Add(BatchCommand($"UPDATE {_lease} SET lease_until = clock_timestamp() + $2 WHERE owner = $1", hostId, lease));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // One read for both: the leases held, then the live hosts (partition -1).
        await using var command = Command(
            $"SELECT partition, owner FROM {_lease} WHERE lease_until > clock_timestamp() " +
            $"UNION ALL SELECT -1, host_id FROM {_host} WHERE alive_until > clock_timestamp()");
        var owners = new Dictionary<int, string>();
        var hosts = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetInt32(0) is var partition and >= 0)
                {
                    owners[partition] = reader.GetString(1);
                }
                else
                {
                    hosts.Add(reader.GetString(1));
                }
            }
        }

        hosts.Sort(StringComparer.Ordinal);
        return new PartitionLeaseView(owners, hosts);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<int>> TakeAsync(string hostId, IReadOnlyCollection<int> partitions, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        ArgumentNullException.ThrowIfNull(partitions);
        // The update happens only where the row is free to take; a row another host holds stays as it is and is not returned.
        await using var command = Command(
            $"INSERT INTO {_lease} AS l (partition, owner, lease_until) SELECT p, $1, clock_timestamp() + $2 FROM unnest($3::integer[]) AS p " +
            "ON CONFLICT (partition) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until " +
            "WHERE l.owner = EXCLUDED.owner OR l.lease_until <= clock_timestamp() RETURNING l.partition",
            hostId, lease, partitions.ToArray());
        var taken = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            taken.Add(reader.GetInt32(0));
        }

        return taken;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string hostId, IReadOnlyCollection<int> partitions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        ArgumentNullException.ThrowIfNull(partitions);
        await using var command = Command($"DELETE FROM {_lease} WHERE owner = $1 AND partition = ANY($2)", hostId, partitions.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask LeaveAsync(string hostId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BatchCommand($"DELETE FROM {_lease} WHERE owner = $1", hostId));
        batch.BatchCommands.Add(BatchCommand($"DELETE FROM {_host} WHERE host_id = $1", hostId));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private NpgsqlCommand Command(string sql, params object[] values)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
