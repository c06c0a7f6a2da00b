using System.Text.Json;
using CampaignFlow.Storage.Postgres.Migrations;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Partitions;
using CampaignFlow.Workflows.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace CampaignFlow.Storage.Postgres.Workflows;

/// <summary>
/// An <see cref="IWorkflowStore"/> on PostgreSQL, for hosts that must survive restarts and for several host
/// processes sharing one database.
/// </summary>
/// <remarks>
/// <para>Each commit is one transaction: the instance row is written under <c>WHERE version = @expected</c>
/// (or inserted, for version 0), the inbox items it touches are locked in id order, and journal, bookmark,
/// timer and inbox rows follow in one batch. Any rule broken rolls the whole transaction back.</para>
/// <para>Due timers and inbox items are claimed with <c>FOR UPDATE SKIP LOCKED</c> plus a lease (claimer id and
/// expiry) written on the row, so concurrent claimers never take the same row and a crashed claimer's rows
/// become claimable again when its lease runs out.</para>
/// <para>Times are stored as <c>timestamptz</c> (UTC) with the original offset beside them where the value
/// is handed back, so a journal read from here prints like one read from memory.</para>
/// </remarks>
/// <threadsafety>All members are safe for concurrent use; each call takes its own pooled connection.</threadsafety>
public sealed class PostgresWorkflowStore : IWorkflowStore
{
    /// <summary>The schema used when none is given.</summary>
    public const string DefaultSchema = "campaignflow";

    private const string Pending = nameof(InboxItemStatus.Pending);

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _instance, _journal, _bookmark, _timer, _inbox, _delivery;

    /// <summary>A store over an already migrated schema (see <see cref="OpenAsync"/>). The caller owns the data source.</summary>
    public PostgresWorkflowStore(NpgsqlDataSource dataSource, string schema = DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        var s = PostgresSchema.Quote(schema);
        _instance = s + ".workflow_instance";
        _journal = s + ".workflow_journal";
        _bookmark = s + ".workflow_bookmark";
        _timer = s + ".workflow_timer";
        _inbox = s + ".workflow_inbox";
        _delivery = s + ".workflow_inbox_delivery";
    }

    /// <summary>Migrates <paramref name="schema"/> to the latest version, then returns a store over it.</summary>
    public static async Task<PostgresWorkflowStore> OpenAsync(NpgsqlDataSource dataSource, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        await PostgresMigrator.MigrateAsync(dataSource, schema, cancellationToken).ConfigureAwait(false);
        return new PostgresWorkflowStore(dataSource, schema);
    }

    /// <inheritdoc />
    public async ValueTask<WorkflowInstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT state::text FROM {_instance} WHERE instance_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        var json = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return json is null ? null : JsonSerializer.Deserialize(json, WorkflowJsonContext.Default.WorkflowInstanceState);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, WorkflowInstanceState>> GetInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        await using var command = _dataSource.CreateCommand($"SELECT instance_id, state::text FROM {_instance} WHERE instance_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = instanceIds.ToArray() });
        var found = new Dictionary<string, WorkflowInstanceState>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[reader.GetString(0)] = JsonSerializer.Deserialize(reader.GetString(1), WorkflowJsonContext.Default.WorkflowInstanceState)!;
        }

        return found;
    }

    /// <inheritdoc />
    public async ValueTask<string?> FindInstanceIdAsync(string definitionId, string correlationKey, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT instance_id FROM {_instance} WHERE definition_id = $1 AND correlation_key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = definitionId });
        command.Parameters.Add(new NpgsqlParameter { Value = correlationKey });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, FoundInstance>> FindInstancesAsync(string definitionId, IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationKeys);
        await using var command = _dataSource.CreateCommand($"SELECT correlation_key, instance_id, status FROM {_instance} WHERE definition_id = $1 AND correlation_key = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = definitionId });
        command.Parameters.Add(new NpgsqlParameter { Value = correlationKeys.ToArray() });
        var found = new Dictionary<string, FoundInstance>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[reader.GetString(0)] = new FoundInstance(reader.GetString(1), Enum.Parse<WorkflowStatus>(reader.GetString(2)));
        }

        return found;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> FindInstancesByBookmarkAsync(BookmarkKey key, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT instance_id FROM {_bookmark} WHERE name = $1 AND correlation = $2 ORDER BY instance_id");
        command.Parameters.Add(new NpgsqlParameter { Value = key.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Correlation });
        return await ReadStringsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> FindInstancesByStatusAsync(WorkflowStatus status, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT instance_id FROM {_instance} WHERE status = $1 ORDER BY instance_id LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = status.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = maxCount });
        return await ReadStringsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<CommitResult> CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var state = commit.Instance;
        if (state.Version != commit.ExpectedVersion + 1)
        {
            throw new ArgumentException($"Instance '{state.InstanceId}' carries version {state.Version}; a commit expecting {commit.ExpectedVersion} must carry {commit.ExpectedVersion + 1}.", nameof(commit));
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var check = await WriteInstanceAsync(connection, transaction, commit, cancellationToken).ConfigureAwait(false);
        if (check.Status == CommitStatus.Committed)
        {
            check = await CheckInboxAsync(connection, transaction, commit, cancellationToken).ConfigureAwait(false);
        }

        if (check.Status != CommitStatus.Committed)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return check;
        }

        await using (var batch = WriteIndexes(connection, transaction, commit))
        {
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return CommitResult.Success;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CommitResult>> CommitManyAsync(IReadOnlyList<WorkflowCommit> commits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commits);
        foreach (var commit in commits)
        {
            if (commit.Instance.Version != commit.ExpectedVersion + 1)
            {
                throw new ArgumentException($"Instance '{commit.Instance.InstanceId}' carries version {commit.Instance.Version}; a commit expecting {commit.ExpectedVersion} must carry {commit.ExpectedVersion + 1}.", nameof(commits));
            }
        }

        if (commits.Count > 1 && commits.All(IsPlainUpdate) && commits.Select(c => c.Instance.InstanceId).Distinct(StringComparer.Ordinal).Count() == commits.Count)
        {
            return await CommitUpdatesAsync(commits, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // One transaction for all; a savepoint each, so a commit that fails its checks takes back only its own writes.
        var results = new CommitResult[commits.Count];
        for (var i = 0; i < commits.Count; i++)
        {
            await transaction.SaveAsync("commit", cancellationToken).ConfigureAwait(false);
            var check = await WriteInstanceAsync(connection, transaction, commits[i], cancellationToken).ConfigureAwait(false);
            if (check.Status == CommitStatus.Committed)
            {
                check = await CheckInboxAsync(connection, transaction, commits[i], cancellationToken).ConfigureAwait(false);
            }

            if (check.Status != CommitStatus.Committed)
            {
                await transaction.RollbackAsync("commit", cancellationToken).ConfigureAwait(false);
                results[i] = check;
                continue;
            }

            await using (var batch = WriteIndexes(connection, transaction, commits[i]))
            {
                if (batch.BatchCommands.Count > 0)
                {
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.ReleaseAsync("commit", cancellationToken).ConfigureAwait(false);
            results[i] = CommitResult.Success;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    // What a boundary's timers commit: instances moved on, no start and no inbox item to check.
    private static bool IsPlainUpdate(WorkflowCommit commit) =>
        commit.ExpectedVersion > 0 && commit.InboxDelivered.Count == 0 && commit.InboxCompleted.Count == 0;

    /// <summary>
    /// Many updates of distinct instances in one transaction and three round trips, whatever their number: the rows
    /// locked in instance order and those at their expected version updated in one statement, then every index write of
    /// those that were in one batch. An instance another writer moved on is a conflict and writes nothing, as alone.
    /// </summary>
    private async Task<IReadOnlyList<CommitResult>> CommitUpdatesAsync(IReadOnlyList<WorkflowCommit> commits, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var updated = new HashSet<string>(StringComparer.Ordinal);
        await using (var update = new NpgsqlBatch(connection, transaction))
        {
            var states = commits.Select(c => c.Instance).ToArray();
            var ids = states.Select(i => i.InstanceId).ToArray();

            // In instance order, as one commit after another would lock them, so two hosts' batches cannot wait crosswise.
            Add(update, $"SELECT instance_id FROM {_instance} WHERE instance_id = ANY($1) ORDER BY instance_id FOR UPDATE", (object)ids);
            Add(update,
                $"UPDATE {_instance} AS i SET definition_id = v.definition_id, definition_version = v.definition_version, correlation_key = v.correlation_key, " +
                "status = v.status, version = v.version, created_at = v.created_at, updated_at = v.updated_at, finished_at = v.finished_at, state = v.state " +
                "FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::jsonb[], $11::bigint[]) " +
                "AS v(instance_id, definition_id, definition_version, correlation_key, status, version, created_at, updated_at, finished_at, state, expected) " +
                "WHERE i.instance_id = v.instance_id AND i.version = v.expected RETURNING i.instance_id",
                ids,
                states.Select(i => i.DefinitionId).ToArray(),
                states.Select(i => i.DefinitionVersion).ToArray(),
                states.Select(i => i.CorrelationKey).ToArray(),
                states.Select(i => i.Status.ToString()).ToArray(),
                states.Select(i => i.Version).ToArray(),
                states.Select(i => i.CreatedAt.UtcDateTime).ToArray(),
                states.Select(i => i.UpdatedAt.UtcDateTime).ToArray(),
                states.Select(i => i.FinishedAt is { } f ? f.UtcDateTime : (DateTime?)null).ToArray(),
                new NpgsqlParameter
                {
                    Value = states.Select(i => JsonSerializer.Serialize(i, WorkflowJsonContext.Default.WorkflowInstanceState)).ToArray(),
                    NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
                },
                commits.Select(c => c.ExpectedVersion).ToArray());
            await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                updated.Add(reader.GetString(0));
            }
        }

        await using (var indexes = new NpgsqlBatch(connection, transaction))
        {
            foreach (var commit in commits.Where(c => updated.Contains(c.Instance.InstanceId)))
            {
                AddIndexWrites(indexes, commit);
            }

            if (indexes.BatchCommands.Count > 0)
            {
                await indexes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. commits.Select(c => updated.Contains(c.Instance.InstanceId) ? CommitResult.Success : new CommitResult(CommitStatus.VersionConflict))];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT sequence, at, at_offset_minutes, kind, activity_id, execution_id, name, correlation, sender, due_at, due_offset_minutes, detail " +
            $"FROM {_journal} WHERE instance_id = $1 AND sequence > $2 ORDER BY sequence");
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
        var entries = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new JournalEntry
            {
                InstanceId = instanceId,
                Sequence = reader.GetInt64(0),
                At = Time(reader.GetFieldValue<DateTime>(1), reader.GetInt16(2)),
                Kind = Enum.Parse<JournalEventKind>(reader.GetString(3)),
                ActivityId = reader.IsDBNull(4) ? null : reader.GetString(4),
                ExecutionId = reader.GetInt32(5),
                Name = reader.IsDBNull(6) ? null : reader.GetString(6),
                Correlation = reader.IsDBNull(7) ? null : reader.GetString(7),
                Sender = reader.IsDBNull(8) ? null : reader.GetString(8),
                DueAt = reader.IsDBNull(9) ? null : Time(reader.GetFieldValue<DateTime>(9), reader.GetInt16(10)),
                Detail = reader.IsDBNull(11) ? null : reader.GetString(11),
            });
        }
        return entries;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ScheduledTimer>> ClaimDueTimersAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default) =>
        ClaimTimersAsync(now, claimerId, lease, maxCount, null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The partition of each due timer's instance is computed in the query (<see cref="PartitionScheme"/>'s hash).</remarks>
    public ValueTask<IReadOnlyList<ScheduledTimer>> ClaimOwnedDueTimersAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, OwnedPartitions partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return ClaimTimersAsync(now, claimerId, lease, maxCount, partitions.IsAll ? null : partitions, cancellationToken);
    }

    private async ValueTask<IReadOnlyList<ScheduledTimer>> ClaimTimersAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, OwnedPartitions? partitions, CancellationToken cancellationToken)
    {
        // The CTE locks only the rows it returns (LIMIT sits above the row locks); rows another claimer is
        // locking right now are skipped rather than waited for, and a row whose claim a concurrent claimer
        // just committed is re-checked against the lease condition and dropped.
        var owned = partitions is null ? "" :
            $" AND EXISTS (SELECT 1 FROM {_instance} i WHERE i.instance_id = t.instance_id AND {PartitionFilter("i.correlation_key")})";
        await using var command = _dataSource.CreateCommand(
            $"WITH due AS (SELECT t.instance_id, t.timer_id FROM {_timer} t " +
            "WHERE t.due_at <= $1 AND (t.claimed_by IS NULL OR t.claim_until <= $1 OR t.claimed_by = $2)" + owned + " " +
            "ORDER BY t.due_at, t.instance_id, t.timer_id LIMIT $4 FOR UPDATE OF t SKIP LOCKED) " +
            $"UPDATE {_timer} t SET claimed_by = $2, claim_until = $3 FROM due " +
            "WHERE t.instance_id = due.instance_id AND t.timer_id = due.timer_id " +
            "RETURNING t.instance_id, t.timer_id, t.execution_id, t.due_at, t.due_offset_minutes, t.tag");
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = claimerId });
        command.Parameters.Add(new NpgsqlParameter { Value = (now + lease).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = maxCount });
        AddPartitionParameters(command, partitions);
        var timers = new List<ScheduledTimer>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                timers.Add(new ScheduledTimer
                {
                    InstanceId = reader.GetString(0),
                    Id = reader.GetString(1),
                    ExecutionId = reader.GetInt32(2),
                    DueAt = Time(reader.GetFieldValue<DateTime>(3), reader.GetInt16(4)),
                    Tag = reader.IsDBNull(5) ? null : reader.GetString(5),
                });
            }
        }
        // RETURNING has no order; hand them back in the index's order (due, instance, timer; ordinal).
        timers.Sort((x, y) =>
        {
            var byDue = x.DueAt.UtcTicks.CompareTo(y.DueAt.UtcTicks);
            if (byDue != 0)
            {
                return byDue;
            }

            var byInstance = string.CompareOrdinal(x.InstanceId, y.InstanceId);
            return byInstance != 0 ? byInstance : string.CompareOrdinal(x.Id, y.Id);
        });
        return timers;
    }

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetNextTimerDueAtAsync(CancellationToken cancellationToken = default) =>
        NextDueAsync(null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Reads the due index in order until a timer of an owned partition: a few rows, with a few hosts.</remarks>
    public ValueTask<DateTimeOffset?> GetNextOwnedTimerDueAtAsync(OwnedPartitions partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return NextDueAsync(partitions.IsAll ? null : partitions, cancellationToken);
    }

    private async ValueTask<DateTimeOffset?> NextDueAsync(OwnedPartitions? partitions, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(partitions is null
            ? $"SELECT due_at, due_offset_minutes FROM {_timer} ORDER BY due_at LIMIT 1"
            : $"SELECT t.due_at, t.due_offset_minutes FROM {_timer} t " +
              $"WHERE EXISTS (SELECT 1 FROM {_instance} i WHERE i.instance_id = t.instance_id AND {PartitionFilter("i.correlation_key", 1)}) ORDER BY t.due_at LIMIT 1");
        AddPartitionParameters(command, partitions);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return Time(reader.GetFieldValue<DateTime>(0), reader.GetInt16(1));
    }

    /// <inheritdoc />
    public async ValueTask<EnqueueResult> EnqueueSignalAsync(InboxItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using (var insert = _dataSource.CreateCommand(
            $"INSERT INTO {_inbox} (id, idempotency_key, name, correlation, received_at, expires_at, status, item) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = item.Id });
            insert.Parameters.Add(new NpgsqlParameter { Value = item.IdempotencyKey });
            insert.Parameters.Add(new NpgsqlParameter { Value = item.Signal.Name });
            insert.Parameters.Add(new NpgsqlParameter { Value = item.Signal.Correlation });
            insert.Parameters.Add(new NpgsqlParameter { Value = item.ReceivedAt.UtcDateTime });
            insert.Parameters.Add(new NpgsqlParameter { Value = item.ExpiresAt.UtcDateTime });
            insert.Parameters.Add(new NpgsqlParameter { Value = item.Status.ToString() });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(item, WorkflowJsonContext.Default.InboxItem), NpgsqlDbType = NpgsqlDbType.Jsonb });
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return new EnqueueResult(true, item);
            }
        }

        await using var select = _dataSource.CreateCommand($"SELECT item::text, status FROM {_inbox} WHERE idempotency_key = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = item.IdempotencyKey });
        var existing = await ReadItemsAsync(select, cancellationToken).ConfigureAwait(false);
        return new EnqueueResult(false, existing.Single());
    }

    /// <inheritdoc />
    public async ValueTask<InboxItem?> GetInboxItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT item::text, status FROM {_inbox} WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        var items = await ReadItemsAsync(command, cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<InboxItem>> FindPendingSignalsAsync(IReadOnlyCollection<BookmarkKey> keys, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        await using var command = _dataSource.CreateCommand(
            $"SELECT item::text, status FROM {_inbox} WHERE status = '{Pending}' AND expires_at > $1 " +
            "AND (name, correlation) IN (SELECT * FROM unnest($2::text[], $3::text[])) ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Correlation).ToArray() });
        return await ReadItemsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InboxItem>> ClaimInboxAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default) =>
        ClaimItemsAsync(now, claimerId, lease, maxCount, null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Expiry is every host's: an expired item is settled whoever owns its partition.</remarks>
    public ValueTask<IReadOnlyList<InboxItem>> ClaimOwnedInboxAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, OwnedPartitions partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return ClaimItemsAsync(now, claimerId, lease, maxCount, partitions.IsAll ? null : partitions, cancellationToken);
    }

    private async ValueTask<IReadOnlyList<InboxItem>> ClaimItemsAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, OwnedPartitions? partitions, CancellationToken cancellationToken)
    {
        // Expiry skips locked rows too: waiting there could deadlock against a claimer with another clock
        // that holds those rows; whoever holds them settles or claims them.
        await using (var expire = _dataSource.CreateCommand(
            $"WITH expired AS (UPDATE {_inbox} SET status = '{nameof(InboxItemStatus.Expired)}', claimed_by = NULL, claim_until = NULL " +
            $"WHERE id IN (SELECT id FROM {_inbox} WHERE status = '{Pending}' AND expires_at <= $1 FOR UPDATE SKIP LOCKED) RETURNING id) " +
            $"DELETE FROM {_delivery} WHERE item_id IN (SELECT id FROM expired)"))
        {
            expire.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
            await expire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = _dataSource.CreateCommand(
            $"WITH picked AS (SELECT id FROM {_inbox} WHERE status = '{Pending}' AND expires_at > $1 " +
            "AND (claim_until IS NULL OR claim_until <= $1)" + (partitions is null ? "" : " AND " + PartitionFilter("correlation")) + " ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED) " +
            $"UPDATE {_inbox} i SET claimed_by = $2, claim_until = $3 FROM picked WHERE i.id = picked.id " +
            "RETURNING i.item::text, i.status, i.seq");
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = claimerId });
        command.Parameters.Add(new NpgsqlParameter { Value = (now + lease).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = maxCount });
        AddPartitionParameters(command, partitions);
        var claimed = new List<(long Seq, InboxItem Item)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add((reader.GetInt64(2), Item(reader.GetString(0), reader.GetString(1))));
            }
        }
        claimed.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return claimed.ConvertAll(c => c.Item);
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteInboxItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"WITH done AS (UPDATE {_inbox} SET status = '{nameof(InboxItemStatus.Completed)}', claimed_by = NULL, claim_until = NULL " +
            $"WHERE id = $1 AND status = '{Pending}' RETURNING id), " +
            $"gone AS (DELETE FROM {_delivery} WHERE item_id IN (SELECT id FROM done)) SELECT count(*) FROM done");
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    // PartitionScheme.PartitionOf in SQL: the first 32 bits of the MD5 of the key (up to the separator), modulo the count,
    // among the owned; the three are the parameters from $first on, in that order (AddPartitionParameters adds them last).
    private static string PartitionFilter(string key, int first = 5) =>
        $"('x' || substr(md5(coalesce(split_part({key}, ${first + 2}, 1), {key})), 1, 8))::bit(32)::bigint % ${first} = ANY(${first + 1})";

    private static void AddPartitionParameters(NpgsqlCommand command, OwnedPartitions? partitions)
    {
        if (partitions is null)
        {
            return;
        }

        command.Parameters.Add(new NpgsqlParameter { Value = (long)partitions.Scheme.Count });
        command.Parameters.Add(new NpgsqlParameter { Value = partitions.Partitions.Select(p => (long)p).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = partitions.Scheme.KeySeparator is { } separator ? separator.ToString() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    }

    private async Task<CommitResult> WriteInstanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkflowCommit commit, CancellationToken cancellationToken)
    {
        var state = commit.Instance;
        var json = JsonSerializer.Serialize(state, WorkflowJsonContext.Default.WorkflowInstanceState);
        if (commit.ExpectedVersion == 0)
        {
            // No conflict target: both the id and the (definition, correlation) key must be free.
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {_instance} (instance_id, definition_id, definition_version, correlation_key, status, version, created_at, updated_at, finished_at, state) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING", connection, transaction);
            AddInstanceParameters(insert, state, json);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return CommitResult.Success;
            }

            await using var holder = new NpgsqlCommand($"SELECT instance_id FROM {_instance} WHERE definition_id = $1 AND correlation_key = $2", connection, transaction);
            holder.Parameters.Add(new NpgsqlParameter { Value = state.DefinitionId });
            holder.Parameters.Add(new NpgsqlParameter { Value = state.CorrelationKey });
            return await holder.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string existing
                ? new CommitResult(CommitStatus.DuplicateStart, ExistingInstanceId: existing)
                : new CommitResult(CommitStatus.VersionConflict);
        }

        // A concurrent writer of the same version holds the row lock; when it commits, this UPDATE re-reads
        // the row, finds the version moved on, and touches nothing: a conflict, reported as such.
        await using var update = new NpgsqlCommand(
            $"UPDATE {_instance} SET instance_id = $1, definition_id = $2, definition_version = $3, correlation_key = $4, status = $5, version = $6, " +
            "created_at = $7, updated_at = $8, finished_at = $9, state = $10 WHERE instance_id = $1 AND version = $11", connection, transaction);
        AddInstanceParameters(update, state, json);
        update.Parameters.Add(new NpgsqlParameter { Value = commit.ExpectedVersion });
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
            ? CommitResult.Success
            : new CommitResult(CommitStatus.VersionConflict);
    }

    private static void AddInstanceParameters(NpgsqlCommand command, WorkflowInstanceState state, string json)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = state.InstanceId });
        command.Parameters.Add(new NpgsqlParameter { Value = state.DefinitionId });
        command.Parameters.Add(new NpgsqlParameter { Value = state.DefinitionVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = state.CorrelationKey });
        command.Parameters.Add(new NpgsqlParameter { Value = state.Status.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = state.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = state.CreatedAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = state.UpdatedAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = state.FinishedAt is { } f ? f.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    private async Task<CommitResult> CheckInboxAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkflowCommit commit, CancellationToken cancellationToken)
    {
        if (commit.InboxDelivered.Count == 0 && commit.InboxCompleted.Count == 0)
        {
            return CommitResult.Success;
        }

        // Lock the items (in id order, so two commits never wait on each other crosswise). A commit racing
        // for the same item waits here and then sees it settled.
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var lockItems = new NpgsqlCommand($"SELECT id, status FROM {_inbox} WHERE id = ANY($1) ORDER BY id FOR UPDATE", connection, transaction))
        {
            lockItems.Parameters.Add(new NpgsqlParameter { Value = commit.InboxDelivered.Concat(commit.InboxCompleted).Distinct(StringComparer.Ordinal).ToArray() });
            await using var reader = await lockItems.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                statuses[reader.GetString(0)] = reader.GetString(1);
            }
        }

        HashSet<string> alreadyDelivered = new(StringComparer.Ordinal);
        if (commit.InboxDelivered.Count > 0)
        {
            await using var delivered = new NpgsqlCommand($"SELECT item_id FROM {_delivery} WHERE instance_id = $1 AND item_id = ANY($2)", connection, transaction);
            delivered.Parameters.Add(new NpgsqlParameter { Value = commit.Instance.InstanceId });
            delivered.Parameters.Add(new NpgsqlParameter { Value = commit.InboxDelivered.ToArray() });
            alreadyDelivered.UnionWith(await ReadStringsAsync(delivered, cancellationToken).ConfigureAwait(false));
        }

        foreach (var itemId in commit.InboxDelivered)
        {
            if (!statuses.TryGetValue(itemId, out var status) || status != Pending)
            {
                return new CommitResult(CommitStatus.InboxItemNotPending, InboxItemId: itemId);
            }

            if (alreadyDelivered.Contains(itemId))
            {
                return new CommitResult(CommitStatus.AlreadyDelivered, InboxItemId: itemId);
            }
        }
        foreach (var itemId in commit.InboxCompleted)
        {
            if (!statuses.TryGetValue(itemId, out var status) || status != Pending)
            {
                return new CommitResult(CommitStatus.InboxItemNotPending, InboxItemId: itemId);
            }
        }
        return CommitResult.Success;
    }

    private NpgsqlBatch WriteIndexes(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkflowCommit commit)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        AddIndexWrites(batch, commit);
        return batch;
    }

    private void AddIndexWrites(NpgsqlBatch batch, WorkflowCommit commit)
    {
        var instanceId = commit.Instance.InstanceId;

        if (commit.Journal.Count > 0)
        {
            var j = commit.Journal;
            Add(batch,
                $"INSERT INTO {_journal} (instance_id, sequence, at, at_offset_minutes, kind, activity_id, execution_id, name, correlation, sender, due_at, due_offset_minutes, detail) " +
                "SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::smallint[], $5::text[], $6::text[], $7::integer[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::smallint[], $13::text[])",
                j.Select(e => e.InstanceId).ToArray(),
                j.Select(e => e.Sequence).ToArray(),
                j.Select(e => e.At.UtcDateTime).ToArray(),
                j.Select(e => Offset(e.At)).ToArray(),
                j.Select(e => e.Kind.ToString()).ToArray(),
                j.Select(e => e.ActivityId).ToArray(),
                j.Select(e => e.ExecutionId).ToArray(),
                j.Select(e => e.Name).ToArray(),
                j.Select(e => e.Correlation).ToArray(),
                j.Select(e => e.Sender).ToArray(),
                j.Select(e => e.DueAt is { } d ? d.UtcDateTime : (DateTime?)null).ToArray(),
                j.Select(e => e.DueAt is { } d ? Offset(d) : (short?)null).ToArray(),
                j.Select(e => e.Detail).ToArray());
        }
        if (commit.BookmarksRemoved.Count > 0)
        {
            Add(batch,
                $"DELETE FROM {_bookmark} WHERE instance_id = $1 AND (name, correlation) IN (SELECT * FROM unnest($2::text[], $3::text[]))",
                instanceId, commit.BookmarksRemoved.Select(k => k.Name).ToArray(), commit.BookmarksRemoved.Select(k => k.Correlation).ToArray());
        }
        if (commit.BookmarksAdded.Count > 0)
        {
            Add(batch,
                $"INSERT INTO {_bookmark} (name, correlation, instance_id) SELECT n, c, $1 FROM unnest($2::text[], $3::text[]) AS k(n, c) ON CONFLICT DO NOTHING",
                instanceId, commit.BookmarksAdded.Select(k => k.Name).ToArray(), commit.BookmarksAdded.Select(k => k.Correlation).ToArray());
        }
        if (commit.TimersRemoved.Count > 0)
        {
            Add(batch,
                $"DELETE FROM {_timer} WHERE (instance_id, timer_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
                commit.TimersRemoved.Select(t => t.InstanceId).ToArray(), commit.TimersRemoved.Select(t => t.Id).ToArray());
        }
        if (commit.TimersScheduled.Count > 0)
        {
            var t = commit.TimersScheduled;
            Add(batch,
                $"INSERT INTO {_timer} (instance_id, timer_id, execution_id, due_at, due_offset_minutes, tag) " +
                "SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::timestamptz[], $5::smallint[], $6::text[]) " +
                "ON CONFLICT (instance_id, timer_id) DO UPDATE SET execution_id = excluded.execution_id, due_at = excluded.due_at, " +
                "due_offset_minutes = excluded.due_offset_minutes, tag = excluded.tag, claimed_by = NULL, claim_until = NULL",
                t.Select(x => x.InstanceId).ToArray(), t.Select(x => x.Id).ToArray(), t.Select(x => x.ExecutionId).ToArray(),
                t.Select(x => x.DueAt.UtcDateTime).ToArray(), t.Select(x => Offset(x.DueAt)).ToArray(), t.Select(x => x.Tag).ToArray());
        }

        // A completed item can never be delivered again, so only fan-out deliveries need remembering.
        var fanOut = commit.InboxDelivered.Where(id => !commit.InboxCompleted.Contains(id)).ToArray();
        if (fanOut.Length > 0)
        {
            Add(batch, $"INSERT INTO {_delivery} (item_id, instance_id) SELECT i, $1 FROM unnest($2::text[]) AS d(i) ON CONFLICT DO NOTHING",
                instanceId, fanOut);
        }
        if (commit.InboxCompleted.Count > 0)
        {
            var completed = commit.InboxCompleted.ToArray();
            Add(batch, $"UPDATE {_inbox} SET status = '{nameof(InboxItemStatus.Completed)}', claimed_by = NULL, claim_until = NULL WHERE id = ANY($1)", (object)completed);
            Add(batch, $"DELETE FROM {_delivery} WHERE item_id = ANY($1)", (object)completed);
        }
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            if (value is NpgsqlParameter typed)
            {
                command.Parameters.Add(typed);
                continue;
            }

            var parameter = new NpgsqlParameter { Value = value ?? DBNull.Value };
            // Times are always UTC instants; say so, or an array of only nulls would be taken for 'timestamp'.
            if (value is DateTime[] or DateTime?[])
            {
                parameter.NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz;
            }

            command.Parameters.Add(parameter);
        }
        batch.BatchCommands.Add(command);
    }

    private static async Task<IReadOnlyList<string>> ReadStringsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<IReadOnlyList<InboxItem>> ReadItemsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<InboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Item(reader.GetString(0), reader.GetString(1)));
        }

        return items;
    }

    // The document keeps the signal and the original offsets; the status column is the live truth.
    private static InboxItem Item(string json, string status)
    {
        var item = JsonSerializer.Deserialize(json, WorkflowJsonContext.Default.InboxItem)!;
        item.Status = Enum.Parse<InboxItemStatus>(status);
        return item;
    }

    private static short Offset(DateTimeOffset time) => (short)time.Offset.TotalMinutes;

    private static DateTimeOffset Time(DateTime utc, short offsetMinutes) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
}
