using System.Text.Json;
using CampaignFlow.Storage.Sqlite.Connections;
using CampaignFlow.Storage.Sqlite.Migrations;
using CampaignFlow.Workflows.Instances;
using CampaignFlow.Workflows.Journal;
using CampaignFlow.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite;

/// <summary>
/// The embedded, durable <see cref="IWorkflowStore"/>: one SQLite file in WAL mode, migrated at open.
/// Every commit is one transaction; the instance row is updated with
/// <c>UPDATE … WHERE id = $id AND version = $expected</c>, so a stale writer changes nothing.
/// </summary>
/// <remarks>
/// <para>
/// Queried facts are typed, indexed columns (instance status, definition id and version, correlation key,
/// version; bookmark keys; timer due times; inbox keys and status); the instance document, journal entries
/// and inbox items are stored as JSON from <see cref="WorkflowJsonContext"/> beside them.
/// </para>
/// <para>
/// Claiming: SQLite has one writer per file. A claim is a write transaction opened with
/// <c>BEGIN IMMEDIATE</c>, which takes that single write lock before reading which timers or inbox items
/// are free; no other client, in this process or another, can read-then-claim the same rows until the
/// transaction commits. So claims never overlap without row locks, and a lease that runs out (the claimer
/// crashed or stalled) makes the rows claimable again by anyone.
/// </para>
/// <para>Several store objects, in one process or many, may share one file; each is one client with its own connections.</para>
/// <para>
/// Microsoft.Data.Sqlite has no asynchronous I/O, so the calls complete synchronously (a write may block its
/// thread while another process holds the write lock, up to <see cref="SqliteWorkflowStoreOptions.BusyTimeout"/>);
/// only waiting for this client's own writer is asynchronous.
/// </para>
/// </remarks>
/// <threadsafety>All members except <see cref="Dispose"/> are safe for concurrent use.</threadsafety>
public sealed class SqliteWorkflowStore : IWorkflowStore, IDisposable
{
    private const string Pending = nameof(InboxItemStatus.Pending);

    /// <summary>The due-timer query (a range scan of <c>ix_timers_due</c>); internal so a test can check its plan.</summary>
    internal const string SelectDueTimersSql = """
        SELECT instance_id, timer_id, due_at, execution_id, tag FROM timers
        WHERE due_ticks <= $now AND (lease_until_ticks IS NULL OR lease_until_ticks <= $now OR claimed_by = $claimer)
        ORDER BY due_ticks, instance_id, timer_id
        LIMIT $max;
        """;
    private readonly SqliteConnections _connections;
    private readonly bool _ownsConnections;

    private SqliteWorkflowStore(string databasePath, SqliteConnections connections, bool ownsConnections)
    {
        DatabasePath = databasePath;
        _connections = connections;
        _ownsConnections = ownsConnections;
    }

    /// <summary>A store over connections another owner opened, migrated and disposes (<see cref="Campaigns.SqliteCampaignStores"/>).</summary>
    internal static SqliteWorkflowStore Over(string databasePath, SqliteConnections connections) => new(databasePath, connections, ownsConnections: false);

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The schema version this build creates and expects.</summary>
    public static int SchemaVersion => SchemaMigrations.LatestVersion;

    /// <summary>
    /// Opens (creating it and its folder when missing) the database at <paramref name="databasePath"/>, switches
    /// it to WAL and applies any schema migrations it lacks. Safe when several processes open one file at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this build, or WAL cannot be enabled.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static SqliteWorkflowStore Open(string databasePath, SqliteWorkflowStoreOptions? options = null)
    {
        var connections = SqliteConnections.OpenDatabase(databasePath, options ?? new SqliteWorkflowStoreOptions());
        return new SqliteWorkflowStore(connections.DatabasePath, connections, ownsConnections: true);
    }

    // ---- instances -----------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<WorkflowInstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT state FROM workflow_instances WHERE id = $id;");
            command.Parameters.AddWithValue("$id", instanceId);
            return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize(json, WorkflowJsonContext.Default.WorkflowInstanceState) : null;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, WorkflowInstanceState>> GetInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        // The ids as one JSON parameter, as FindInstancesAsync passes its keys: no limit on how many.
        var ids = JsonSerializer.Serialize(instanceIds.ToArray(), WorkflowJsonContext.Default.StringArray);
        return new(_connections.Read<IReadOnlyDictionary<string, WorkflowInstanceState>>(connection =>
        {
            using var command = Command(connection, null, "SELECT id, state FROM workflow_instances WHERE id IN (SELECT value FROM json_each($ids));");
            command.Parameters.AddWithValue("$ids", ids);
            var found = new Dictionary<string, WorkflowInstanceState>(StringComparer.Ordinal);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetString(0)] = JsonSerializer.Deserialize(reader.GetString(1), WorkflowJsonContext.Default.WorkflowInstanceState)!;
            }

            return found;
        }));
    }

    /// <inheritdoc />
    public ValueTask<string?> FindInstanceIdAsync(string definitionId, string correlationKey, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT id FROM workflow_instances WHERE definition_id = $definition AND correlation_key = $key;");
            command.Parameters.AddWithValue("$definition", definitionId);
            command.Parameters.AddWithValue("$key", correlationKey);
            return command.ExecuteScalar() as string;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, FoundInstance>> FindInstancesAsync(string definitionId, IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationKeys);
        // The keys as one JSON parameter: SQLite refuses more than 32,766 parameters, and a province starts more units.
        var keys = JsonSerializer.Serialize(correlationKeys.ToArray(), WorkflowJsonContext.Default.StringArray);
        return new(_connections.Read<IReadOnlyDictionary<string, FoundInstance>>(connection =>
        {
            using var command = Command(connection, null, """
                SELECT correlation_key, id, status FROM workflow_instances
                WHERE definition_id = $definition AND correlation_key IN (SELECT value FROM json_each($keys));
                """);
            command.Parameters.AddWithValue("$definition", definitionId);
            command.Parameters.AddWithValue("$keys", keys);
            var found = new Dictionary<string, FoundInstance>(StringComparer.Ordinal);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetString(0)] = new FoundInstance(reader.GetString(1), Enum.Parse<WorkflowStatus>(reader.GetString(2)));
            }

            return found;
        }));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> FindInstancesByBookmarkAsync(BookmarkKey key, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<string>>(connection =>
        {
            using var command = Command(connection, null, "SELECT instance_id FROM bookmarks WHERE name = $name AND correlation = $correlation;");
            command.Parameters.AddWithValue("$name", key.Name);
            command.Parameters.AddWithValue("$correlation", key.Correlation);
            return Strings(command);
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> FindInstancesByStatusAsync(WorkflowStatus status, int maxCount, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<string>>(connection =>
        {
            using var command = Command(connection, null, "SELECT id FROM workflow_instances WHERE status = $status LIMIT $max;");
            command.Parameters.AddWithValue("$status", status.ToString());
            command.Parameters.AddWithValue("$max", maxCount);
            return Strings(command);
        }));

    // ---- commits -------------------------------------------------------------------------------

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state's version is not the expected version + 1.</exception>
    public ValueTask<CommitResult> CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var state = commit.Instance;
        if (state.Version != commit.ExpectedVersion + 1)
        {
            throw new ArgumentException($"Instance '{state.InstanceId}' carries version {state.Version}; a commit expecting {commit.ExpectedVersion} must carry {commit.ExpectedVersion + 1}.", nameof(commit));
        }

        // Serialize before taking the write lock: the single-writer section should hold only SQL.
        var stateJson = JsonSerializer.Serialize(state, WorkflowJsonContext.Default.WorkflowInstanceState);
        var journalJson = new string[commit.Journal.Count];
        for (var i = 0; i < journalJson.Length; i++)
        {
            journalJson[i] = JsonSerializer.Serialize(commit.Journal[i], WorkflowJsonContext.Default.JournalEntry);
        }

        return _connections.WriteAsync((connection, transaction) =>
        {
            var result = Apply(connection, transaction, commit, stateJson, journalJson);
            return (result, result.Status == CommitStatus.Committed);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CommitResult>> CommitManyAsync(IReadOnlyList<WorkflowCommit> commits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var serialized = commits.Select(c =>
        {
            if (c.Instance.Version != c.ExpectedVersion + 1)
            {
                throw new ArgumentException($"Instance '{c.Instance.InstanceId}' carries version {c.Instance.Version}; a commit expecting {c.ExpectedVersion} must carry {c.ExpectedVersion + 1}.", nameof(commits));
            }

            return (State: JsonSerializer.Serialize(c.Instance, WorkflowJsonContext.Default.WorkflowInstanceState),
                Journal: c.Journal.Select(j => JsonSerializer.Serialize(j, WorkflowJsonContext.Default.JournalEntry)).ToArray());
        }).ToArray();

        return _connections.WriteAsync<IReadOnlyList<CommitResult>>((connection, transaction) =>
        {
            // One transaction for all (one fsync for thousands of starts); a savepoint each, so a commit that fails its
            // checks takes back only what it wrote itself.
            var results = new CommitResult[commits.Count];
            for (var i = 0; i < commits.Count; i++)
            {
                transaction.Save("commit");
                results[i] = Apply(connection, transaction, commits[i], serialized[i].State, serialized[i].Journal);
                if (results[i].Status == CommitStatus.Committed)
                {
                    transaction.Release("commit");
                }
                else
                {
                    transaction.Rollback("commit");
                    transaction.Release("commit");
                }
            }

            return (results, true);
        }, cancellationToken);
    }

    private static CommitResult Apply(SqliteConnection connection, SqliteTransaction transaction, WorkflowCommit commit, string stateJson, string[] journalJson)
    {
        var state = commit.Instance;
        if (commit.ExpectedVersion == 0)
        {
            using var find = Command(connection, transaction, "SELECT id FROM workflow_instances WHERE definition_id = $definition AND correlation_key = $key;");
            find.Parameters.AddWithValue("$definition", state.DefinitionId);
            find.Parameters.AddWithValue("$key", state.CorrelationKey);
            if (find.ExecuteScalar() is string existing)
            {
                return new CommitResult(CommitStatus.DuplicateStart, ExistingInstanceId: existing);
            }

            var check = CheckInbox(connection, transaction, commit);
            if (check.Status != CommitStatus.Committed)
            {
                return check;
            }

            using var insert = Command(connection, transaction, """
                INSERT INTO workflow_instances (id, definition_id, definition_version, correlation_key, status, version, created_at, updated_at, finished_at, state)
                VALUES ($id, $definition, $definitionVersion, $key, $status, $version, $createdAt, $updatedAt, $finishedAt, $state)
                ON CONFLICT (id) DO NOTHING;
                """);
            AddInstanceParameters(insert, state, stateJson);
            // An id already taken by another instance is a conflict, exactly as in memory.
            if (insert.ExecuteNonQuery() == 0)
            {
                return new CommitResult(CommitStatus.VersionConflict);
            }
        }
        else
        {
            using var update = Command(connection, transaction, """
                UPDATE workflow_instances
                SET definition_id = $definition, definition_version = $definitionVersion, correlation_key = $key, status = $status,
                    version = $version, created_at = $createdAt, updated_at = $updatedAt, finished_at = $finishedAt, state = $state
                WHERE id = $id AND version = $expected;
                """);
            AddInstanceParameters(update, state, stateJson);
            update.Parameters.AddWithValue("$expected", commit.ExpectedVersion);
            if (update.ExecuteNonQuery() == 0)
            {
                return new CommitResult(CommitStatus.VersionConflict);
            }

            // The row is already updated; a failed inbox check rolls it back with the transaction.
            var check = CheckInbox(connection, transaction, commit);
            if (check.Status != CommitStatus.Committed)
            {
                return check;
            }
        }

        if (journalJson.Length > 0)
        {
            using var append = Command(connection, transaction,
                "INSERT INTO journal_entries (instance_id, sequence, at, kind, activity_id, entry) VALUES ($instance, $sequence, $at, $kind, $activity, $entry);");
            var instance = append.Parameters.AddWithValue("$instance", state.InstanceId);
            var sequence = append.Parameters.Add("$sequence", SqliteType.Integer);
            var at = append.Parameters.Add("$at", SqliteType.Text);
            var kind = append.Parameters.Add("$kind", SqliteType.Text);
            var activity = append.Parameters.Add("$activity", SqliteType.Text);
            var entry = append.Parameters.Add("$entry", SqliteType.Text);
            for (var i = 0; i < journalJson.Length; i++)
            {
                var e = commit.Journal[i];
                sequence.Value = e.Sequence;
                at.Value = SqliteTime.Text(e.At);
                kind.Value = e.Kind.ToString();
                activity.Value = (object?)e.ActivityId ?? DBNull.Value;
                entry.Value = journalJson[i];
                append.ExecuteNonQuery();
            }
        }

        ApplyBookmarks(connection, transaction, state.InstanceId, commit);
        ApplyTimers(connection, transaction, commit);
        ApplyInbox(connection, transaction, state.InstanceId, commit);
        return CommitResult.Success;
    }

    private static CommitResult CheckInbox(SqliteConnection connection, SqliteTransaction transaction, WorkflowCommit commit)
    {
        if (commit.InboxDelivered.Count == 0 && commit.InboxCompleted.Count == 0)
        {
            return CommitResult.Success;
        }

        using var status = Command(connection, transaction, "SELECT status FROM inbox_items WHERE id = $id;");
        var statusId = status.Parameters.Add("$id", SqliteType.Text);
        using var delivered = Command(connection, transaction, "SELECT 1 FROM inbox_deliveries WHERE item_id = $id AND instance_id = $instance;");
        var deliveredId = delivered.Parameters.Add("$id", SqliteType.Text);
        delivered.Parameters.AddWithValue("$instance", commit.Instance.InstanceId);

        foreach (var itemId in commit.InboxDelivered)
        {
            statusId.Value = itemId;
            if (status.ExecuteScalar() as string != Pending)
            {
                return new CommitResult(CommitStatus.InboxItemNotPending, InboxItemId: itemId);
            }

            deliveredId.Value = itemId;
            if (delivered.ExecuteScalar() is not null)
            {
                return new CommitResult(CommitStatus.AlreadyDelivered, InboxItemId: itemId);
            }
        }
        foreach (var itemId in commit.InboxCompleted)
        {
            statusId.Value = itemId;
            if (status.ExecuteScalar() as string != Pending)
            {
                return new CommitResult(CommitStatus.InboxItemNotPending, InboxItemId: itemId);
            }
        }
        return CommitResult.Success;
    }

    private static void ApplyBookmarks(SqliteConnection connection, SqliteTransaction transaction, string instanceId, WorkflowCommit commit)
    {
        if (commit.BookmarksRemoved.Count > 0)
        {
            using var remove = Command(connection, transaction, "DELETE FROM bookmarks WHERE name = $name AND correlation = $correlation AND instance_id = $instance;");
            RunForKeys(remove, instanceId, commit.BookmarksRemoved);
        }
        if (commit.BookmarksAdded.Count > 0)
        {
            using var add = Command(connection, transaction, "INSERT OR IGNORE INTO bookmarks (name, correlation, instance_id) VALUES ($name, $correlation, $instance);");
            RunForKeys(add, instanceId, commit.BookmarksAdded);
        }
    }

    private static void RunForKeys(SqliteCommand command, string instanceId, IReadOnlyList<BookmarkKey> keys)
    {
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var correlation = command.Parameters.Add("$correlation", SqliteType.Text);
        command.Parameters.AddWithValue("$instance", instanceId);
        foreach (var key in keys)
        {
            name.Value = key.Name;
            correlation.Value = key.Correlation;
            command.ExecuteNonQuery();
        }
    }

    private static void ApplyTimers(SqliteConnection connection, SqliteTransaction transaction, WorkflowCommit commit)
    {
        if (commit.TimersRemoved.Count > 0)
        {
            // Deleting the row drops any claim on it too: claims live in the timer row.
            using var remove = Command(connection, transaction, "DELETE FROM timers WHERE instance_id = $instance AND timer_id = $timer;");
            var instance = remove.Parameters.Add("$instance", SqliteType.Text);
            var timer = remove.Parameters.Add("$timer", SqliteType.Text);
            foreach (var t in commit.TimersRemoved)
            {
                instance.Value = t.InstanceId;
                timer.Value = t.Id;
                remove.ExecuteNonQuery();
            }
        }
        if (commit.TimersScheduled.Count > 0)
        {
            using var add = Command(connection, transaction, """
                INSERT OR REPLACE INTO timers (instance_id, timer_id, due_ticks, due_at, execution_id, tag, claimed_by, lease_until_ticks)
                VALUES ($instance, $timer, $dueTicks, $dueAt, $execution, $tag, NULL, NULL);
                """);
            var instance = add.Parameters.Add("$instance", SqliteType.Text);
            var timer = add.Parameters.Add("$timer", SqliteType.Text);
            var dueTicks = add.Parameters.Add("$dueTicks", SqliteType.Integer);
            var dueAt = add.Parameters.Add("$dueAt", SqliteType.Text);
            var execution = add.Parameters.Add("$execution", SqliteType.Integer);
            var tag = add.Parameters.Add("$tag", SqliteType.Text);
            foreach (var t in commit.TimersScheduled)
            {
                instance.Value = t.InstanceId;
                timer.Value = t.Id;
                dueTicks.Value = SqliteTime.Ticks(t.DueAt);
                dueAt.Value = SqliteTime.Text(t.DueAt);
                execution.Value = t.ExecutionId;
                tag.Value = (object?)t.Tag ?? DBNull.Value;
                add.ExecuteNonQuery();
            }
        }
    }

    private static void ApplyInbox(SqliteConnection connection, SqliteTransaction transaction, string instanceId, WorkflowCommit commit)
    {
        if (commit.InboxDelivered.Count > 0)
        {
            using var deliver = Command(connection, transaction, "INSERT OR IGNORE INTO inbox_deliveries (item_id, instance_id) VALUES ($id, $instance);");
            var id = deliver.Parameters.Add("$id", SqliteType.Text);
            deliver.Parameters.AddWithValue("$instance", instanceId);
            foreach (var itemId in commit.InboxDelivered)
            {
                // A completed item can never be delivered again, so only fan-out deliveries need remembering.
                if (commit.InboxCompleted.Contains(itemId))
                {
                    continue;
                }

                id.Value = itemId;
                deliver.ExecuteNonQuery();
            }
        }
        foreach (var itemId in commit.InboxCompleted)
        {
            Settle(connection, transaction, itemId, InboxItemStatus.Completed);
        }
    }

    /// <summary>Marks a pending item completed or expired, dropping its claim and delivery records. Returns false if it was not pending.</summary>
    private static bool Settle(SqliteConnection connection, SqliteTransaction transaction, string itemId, InboxItemStatus status)
    {
        using var settle = Command(connection, transaction,
            "UPDATE inbox_items SET status = $status, claimed_by = NULL, lease_until_ticks = NULL WHERE id = $id AND status = 'Pending';");
        settle.Parameters.AddWithValue("$status", status.ToString());
        settle.Parameters.AddWithValue("$id", itemId);
        if (settle.ExecuteNonQuery() == 0)
        {
            return false;
        }

        using var forget = Command(connection, transaction, "DELETE FROM inbox_deliveries WHERE item_id = $id;");
        forget.Parameters.AddWithValue("$id", itemId);
        forget.ExecuteNonQuery();
        return true;
    }

    // ---- journal -------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<JournalEntry>>(connection =>
        {
            using var command = Command(connection, null, "SELECT entry FROM journal_entries WHERE instance_id = $instance AND sequence > $after ORDER BY sequence;");
            command.Parameters.AddWithValue("$instance", instanceId);
            command.Parameters.AddWithValue("$after", afterSequence);
            var entries = new List<JournalEntry>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(JsonSerializer.Deserialize(reader.GetString(0), WorkflowJsonContext.Default.JournalEntry));
            }

            return entries;
        }));

    // ---- timers --------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ScheduledTimer>> ClaimDueTimersAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default) =>
        _connections.WriteAsync<IReadOnlyList<ScheduledTimer>>((connection, transaction) =>
        {
            var nowTicks = SqliteTime.Ticks(now);
            var claimed = new List<ScheduledTimer>();
            // A range scan of ix_timers_due from the front; timers leased to someone else are stepped over.
            using (var select = Command(connection, transaction, SelectDueTimersSql))
            {
                select.Parameters.AddWithValue("$now", nowTicks);
                select.Parameters.AddWithValue("$claimer", claimerId);
                select.Parameters.AddWithValue("$max", maxCount);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    claimed.Add(new ScheduledTimer
                    {
                        InstanceId = reader.GetString(0),
                        Id = reader.GetString(1),
                        DueAt = SqliteTime.Parse(reader.GetString(2)),
                        ExecutionId = reader.GetInt32(3),
                        Tag = reader.IsDBNull(4) ? null : reader.GetString(4),
                    });
                }
            }
            if (claimed.Count > 0)
            {
                using var claim = Command(connection, transaction,
                    "UPDATE timers SET claimed_by = $claimer, lease_until_ticks = $until WHERE instance_id = $instance AND timer_id = $timer;");
                claim.Parameters.AddWithValue("$claimer", claimerId);
                claim.Parameters.AddWithValue("$until", SqliteTime.Ticks(now + lease));
                var instance = claim.Parameters.Add("$instance", SqliteType.Text);
                var timer = claim.Parameters.Add("$timer", SqliteType.Text);
                foreach (var t in claimed)
                {
                    instance.Value = t.InstanceId;
                    timer.Value = t.Id;
                    claim.ExecuteNonQuery();
                }
            }
            return (claimed, true);
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetNextTimerDueAtAsync(CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT due_at FROM timers ORDER BY due_ticks LIMIT 1;");
            return command.ExecuteScalar() is string text ? SqliteTime.Parse(text) : (DateTimeOffset?)null;
        }));

    // ---- inbox ---------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<EnqueueResult> EnqueueSignalAsync(InboxItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var json = JsonSerializer.Serialize(item, WorkflowJsonContext.Default.InboxItem);
        return _connections.WriteAsync((connection, transaction) => (Enqueue(connection, transaction, item, json), true), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<EnqueueResult>> EnqueueSignalsAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var json = items.Select(i => JsonSerializer.Serialize(i, WorkflowJsonContext.Default.InboxItem)).ToArray();
        // One transaction (one fsync) for all of them.
        return _connections.WriteAsync<IReadOnlyList<EnqueueResult>>((connection, transaction) =>
            (items.Select((item, i) => Enqueue(connection, transaction, item, json[i])).ToArray(), true), cancellationToken);
    }

    private static EnqueueResult Enqueue(SqliteConnection connection, SqliteTransaction transaction, InboxItem item, string json)
    {
        // The unique index on idempotency_key decides; the earlier item is returned for a duplicate.
        using var insert = Command(connection, transaction, """
            INSERT INTO inbox_items (id, idempotency_key, signal_name, signal_correlation, received_at, expires_ticks, status, item)
            VALUES ($id, $key, $name, $correlation, $receivedAt, $expires, $status, $item)
            ON CONFLICT (idempotency_key) DO NOTHING;
            """);
        insert.Parameters.AddWithValue("$id", item.Id);
        insert.Parameters.AddWithValue("$key", item.IdempotencyKey);
        insert.Parameters.AddWithValue("$name", item.Signal.Name);
        insert.Parameters.AddWithValue("$correlation", item.Signal.Correlation);
        insert.Parameters.AddWithValue("$receivedAt", SqliteTime.Text(item.ReceivedAt));
        insert.Parameters.AddWithValue("$expires", SqliteTime.Ticks(item.ExpiresAt));
        insert.Parameters.AddWithValue("$status", item.Status.ToString());
        insert.Parameters.AddWithValue("$item", json);
        if (insert.ExecuteNonQuery() == 1)
        {
            return new EnqueueResult(true, item);
        }

        using var existing = Command(connection, transaction, "SELECT item, status FROM inbox_items WHERE idempotency_key = $key;");
        existing.Parameters.AddWithValue("$key", item.IdempotencyKey);
        using var reader = existing.ExecuteReader();
        reader.Read();
        return new EnqueueResult(false, ReadItem(reader, 0));
    }

    /// <inheritdoc />
    public ValueTask<InboxItem?> GetInboxItemAsync(string itemId, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT item, status FROM inbox_items WHERE id = $id;");
            command.Parameters.AddWithValue("$id", itemId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadItem(reader, 0) : null;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InboxItem>> FindPendingSignalsAsync(IReadOnlyCollection<BookmarkKey> keys, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new([]);
        }

        return new(_connections.Read<IReadOnlyList<InboxItem>>(connection =>
        {
            using var command = Command(connection, null, """
                SELECT seq, item, status FROM inbox_items
                WHERE status = 'Pending' AND signal_name = $name AND signal_correlation = $correlation AND expires_ticks > $now
                ORDER BY seq;
                """);
            var name = command.Parameters.Add("$name", SqliteType.Text);
            var correlation = command.Parameters.Add("$correlation", SqliteType.Text);
            command.Parameters.AddWithValue("$now", SqliteTime.Ticks(now));
            var found = new List<(long Seq, InboxItem Item)>();
            foreach (var key in keys)
            {
                name.Value = key.Name;
                correlation.Value = key.Correlation;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    found.Add((reader.GetInt64(0), ReadItem(reader, 1)));
                }
            }
            found.Sort((a, b) => a.Seq.CompareTo(b.Seq));
            return found.ConvertAll(f => f.Item);
        }));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InboxItem>> ClaimInboxAsync(DateTimeOffset now, string claimerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default) =>
        _connections.WriteAsync<IReadOnlyList<InboxItem>>((connection, transaction) =>
        {
            var nowTicks = SqliteTime.Ticks(now);
            using (var expire = Command(connection, transaction, """
                DELETE FROM inbox_deliveries WHERE item_id IN (SELECT id FROM inbox_items WHERE status = 'Pending' AND expires_ticks <= $now);
                UPDATE inbox_items SET status = 'Expired', claimed_by = NULL, lease_until_ticks = NULL WHERE status = 'Pending' AND expires_ticks <= $now;
                """))
            {
                expire.Parameters.AddWithValue("$now", nowTicks);
                expire.ExecuteNonQuery();
            }

            var claimed = new List<(long Seq, InboxItem Item)>();
            using (var select = Command(connection, transaction, """
                SELECT seq, item, status FROM inbox_items
                WHERE status = 'Pending' AND (lease_until_ticks IS NULL OR lease_until_ticks <= $now)
                ORDER BY seq
                LIMIT $max;
                """))
            {
                select.Parameters.AddWithValue("$now", nowTicks);
                select.Parameters.AddWithValue("$max", maxCount);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    claimed.Add((reader.GetInt64(0), ReadItem(reader, 1)));
                }
            }
            if (claimed.Count > 0)
            {
                using var claim = Command(connection, transaction, "UPDATE inbox_items SET claimed_by = $claimer, lease_until_ticks = $until WHERE seq = $seq;");
                claim.Parameters.AddWithValue("$claimer", claimerId);
                claim.Parameters.AddWithValue("$until", SqliteTime.Ticks(now + lease));
                var seq = claim.Parameters.Add("$seq", SqliteType.Integer);
                foreach (var (s, _) in claimed)
                {
                    seq.Value = s;
                    claim.ExecuteNonQuery();
                }
            }
            return (claimed.ConvertAll(c => c.Item), true);
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> CompleteInboxItemAsync(string itemId, CancellationToken cancellationToken = default) =>
        _connections.WriteAsync((connection, transaction) =>
        {
            var settled = Settle(connection, transaction, itemId, InboxItemStatus.Completed);
            return (settled, settled);
        }, cancellationToken);

    /// <summary>Closes this client's connections (unless they belong to a <see cref="Campaigns.SqliteCampaignStores"/> bundle). The file stays; reopen it with <see cref="Open"/>.</summary>
    public void Dispose()
    {
        if (_ownsConnections)
        {
            _connections.Dispose();
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static List<string> Strings(SqliteCommand command)
    {
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>An item from its JSON document, with the status column (the document keeps the status it was enqueued with).</summary>
    private static InboxItem ReadItem(SqliteDataReader reader, int column)
    {
        var item = JsonSerializer.Deserialize(reader.GetString(column), WorkflowJsonContext.Default.InboxItem)!;
        item.Status = Enum.Parse<InboxItemStatus>(reader.GetString(column + 1));
        return item;
    }

    private static void AddInstanceParameters(SqliteCommand command, WorkflowInstanceState state, string stateJson)
    {
        command.Parameters.AddWithValue("$id", state.InstanceId);
        command.Parameters.AddWithValue("$definition", state.DefinitionId);
        command.Parameters.AddWithValue("$definitionVersion", state.DefinitionVersion);
        command.Parameters.AddWithValue("$key", state.CorrelationKey);
        command.Parameters.AddWithValue("$status", state.Status.ToString());
        command.Parameters.AddWithValue("$version", state.Version);
        command.Parameters.AddWithValue("$createdAt", SqliteTime.Text(state.CreatedAt));
        command.Parameters.AddWithValue("$updatedAt", SqliteTime.Text(state.UpdatedAt));
        command.Parameters.AddWithValue("$finishedAt", state.FinishedAt is { } finished ? SqliteTime.Text(finished) : DBNull.Value);
        command.Parameters.AddWithValue("$state", stateJson);
    }
}
