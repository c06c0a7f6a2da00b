using System.Data;
using System.Runtime.CompilerServices;
using System.Text;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace CampaignFlow.Storage.Postgres.Campaigns;

/// <summary>
/// The <see cref="IViolationStore"/> on PostgreSQL: table <c>campaign_violation</c> (every filter a typed, indexed
/// column) and <c>campaign_violation_event</c> (the history); auditors read them through the views
/// <c>campaignflow_violations</c> and <c>campaignflow_violation_history</c>.
/// </summary>
/// <remarks>
/// An update batch is one transaction. It first takes a transaction-scoped advisory lock per unit it touches (in
/// ordinal order), so two hosts applying one unit's updates serialize, and a violation that does not exist yet
/// cannot be inserted twice. It then reads the rows, decides each update with <see cref="ViolationLifecycle.Apply"/>
/// (the rule is written once, in C#), and writes rows and events in one round trip.
/// </remarks>
/// <threadsafety>All members are safe for concurrent use; each call takes its own pooled connection.</threadsafety>
public sealed class PostgresViolationStore : IViolationStore
{
    // First key of the two-key advisory lock: a fixed namespace for violation updates ("CFVI").
    private const int LockNamespace = 0x43465649;

    private const string Columns =
        "id, unit, body, plan_id, plan_version, requirement_id, action_id, kind, severity, phase_id, period, period_start, period_end, " +
        "target, code, message_zh, message_en, details::text, status, opened_at, opened_offset_minutes, resolved_at, resolved_offset_minutes, changed_at, changed_offset_minutes";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _violation, _event, _upsert, _tally, _openDay;

    /// <summary>A store over an already migrated schema (see <see cref="PostgresCampaignStores"/>). The caller owns the data source.</summary>
    public PostgresViolationStore(NpgsqlDataSource dataSource, string schema = PostgresCampaignStores.DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        var s = PostgresSchema.Quote(schema);
        _violation = s + ".campaign_violation";
        _event = s + ".campaign_violation_event";
        _tally = s + ".campaign_violation_tally";
        _openDay = s + ".campaign_violation_open_day";
        _upsert =
            $"INSERT INTO {_violation} (id, unit, body, plan_id, plan_version, requirement_id, action_id, kind, severity, phase_id, period, period_start, period_end, " +
            "target, code, message_zh, message_en, details, status, opened_at, opened_offset_minutes, resolved_at, resolved_offset_minutes, changed_at, changed_offset_minutes) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::json, $19, $20, $21, $22, $23, $24, $25) " +
            "ON CONFLICT (id) DO UPDATE SET unit = excluded.unit, body = excluded.body, plan_id = excluded.plan_id, plan_version = excluded.plan_version, " +
            "requirement_id = excluded.requirement_id, action_id = excluded.action_id, kind = excluded.kind, severity = excluded.severity, phase_id = excluded.phase_id, " +
            "period = excluded.period, period_start = excluded.period_start, period_end = excluded.period_end, target = excluded.target, code = excluded.code, " +
            "message_zh = excluded.message_zh, message_en = excluded.message_en, details = excluded.details, status = excluded.status, " +
            "opened_at = excluded.opened_at, opened_offset_minutes = excluded.opened_offset_minutes, resolved_at = excluded.resolved_at, " +
            "resolved_offset_minutes = excluded.resolved_offset_minutes, changed_at = excluded.changed_at, changed_offset_minutes = excluded.changed_offset_minutes";
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return [];
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var units = updates.Select(u => u.Violation.Unit).Distinct().Order(StringComparer.Ordinal).ToArray();
        var ids = updates.Select(u => u.Violation.Id).Distinct().ToArray();
        var rows = new Dictionary<string, StoredViolation>(StringComparer.Ordinal);
        await using (var read = new NpgsqlBatch(connection, transaction))
        {
            read.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock($1, hashtext(u)) FROM unnest($2::text[]) WITH ORDINALITY AS t(u, n) ORDER BY n", LockNamespace, units));
            read.BatchCommands.Add(Command($"SELECT {Columns} FROM {_violation} WHERE id = ANY($1)", (object)ids));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = Read(reader);
                rows[row.Id] = row;
            }
        }

        var happened = new List<(ViolationEventKind Kind, ViolationUpdate Update)>();
        await using var write = new NpgsqlBatch(connection, transaction);
        foreach (var update in updates)
        {
            rows.TryGetValue(update.Violation.Id, out var row);
            var (kind, next) = ViolationLifecycle.Apply(row, update);
            if (kind is not { } k)
            {
                continue;
            }

            rows[next!.Id] = next;
            write.BatchCommands.Add(Upsert(next));
            if (k == ViolationEventKind.Changed && update.Quiet)
            {
                continue;
            }

            write.BatchCommands.Add(Command($"INSERT INTO {_event} (violation_id, kind, at, offset_minutes, details) VALUES ($1, $2, $3, $4, $5::json) RETURNING sequence",
                next.Id, k.ToString(), PostgresTime.Utc(update.At), PostgresTime.Offset(update.At), update.EventDetails));
            happened.Add((k, update));
        }

        var sequences = new List<long>(happened.Count);
        if (write.BatchCommands.Count > 0)
        {
            // Only the event inserts return rows (their sequence), in batch order.
            await using var reader = await write.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    sequences.Add(reader.GetInt64(0));
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }
        var events = happened.Select((h, i) => new ViolationEvent(h.Update.Violation.Id, h.Kind, h.Update.At, h.Update.EventDetails) { Sequence = sequences[i] }).ToList();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return events;
    }

    /// <inheritdoc />
    public async ValueTask<StoredViolation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_violation} WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new List<object>();
        var where = Where(query, values);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for the total and the page.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM {_violation}{where}", [.. values]));
        batch.BatchCommands.Add(Command(
            $"SELECT {Columns} FROM {_violation}{where} ORDER BY period_end, id LIMIT ${values.Count + 1} OFFSET ${values.Count + 2}",
            [.. values, (long)query.Limit, (long)query.Offset]));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = (int)reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<StoredViolation>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Read(reader));
        }

        await reader.DisposeAsync().ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ViolationPage(items, total);
    }

    /// <inheritdoc />
    /// <remarks>One statement, its rows read off the connection as the caller consumes them (one snapshot, no offset, no recount).</remarks>
    public async IAsyncEnumerable<StoredViolation> StreamAsync(ViolationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new List<object>();
        var where = Where(query, values);
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_violation}{where} ORDER BY period_end, id");
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ViolationEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT sequence, kind, at, offset_minutes, details::text FROM {_event} WHERE violation_id = $1 ORDER BY sequence");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        var events = new List<ViolationEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new ViolationEvent(id, Enum.Parse<ViolationEventKind>(reader.GetString(1)), PostgresTime.Read(reader.GetFieldValue<DateTime>(2), reader.GetInt16(3)), reader.GetString(4))
            {
                Sequence = reader.GetInt64(0),
            });
        }
        return events;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> OpenIdsAsync(string unit, string planId, int planVersion, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT id FROM {_violation} WHERE unit = $1 AND plan_id = $2 AND plan_version = $3 AND status = '{nameof(ViolationStatus.Open)}' ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = unit });
        command.Parameters.Add(new NpgsqlParameter { Value = planId });
        command.Parameters.Add(new NpgsqlParameter { Value = planVersion });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <inheritdoc />
    /// <remarks>Reads <c>campaign_violation_tally</c>, kept by a trigger (migration 4) in the transaction that changes a violation.</remarks>
    public async ValueTask<IReadOnlyList<OpenViolationTally>> TallyOpenAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        await using var command = _dataSource.CreateCommand(
            $"SELECT unit, plan_id, plan_version, requirement_id, open, earliest_due, earliest_opened FROM {_tally} WHERE unit = ANY($1) ORDER BY unit, plan_id, plan_version, requirement_id");
        command.Parameters.Add(new NpgsqlParameter { Value = units.ToArray() });
        var tallies = new List<OpenViolationTally>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tallies.Add(new OpenViolationTally(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6)));
        }

        return tallies;
    }

    /// <inheritdoc />
    /// <remarks>Reads <c>campaign_violation_open_day</c>, kept by a trigger (migration 4) in the transaction that changes a violation.</remarks>
    public async ValueTask<IReadOnlyList<OpenViolationChange>> OpenChangesByDayAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        await using var command = _dataSource.CreateCommand(
            $"SELECT day, sum(change)::integer FROM {_openDay} WHERE unit = ANY($1) GROUP BY day HAVING sum(change) <> 0 ORDER BY day");
        command.Parameters.Add(new NpgsqlParameter { Value = units.ToArray() });
        var changes = new List<OpenViolationChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            changes.Add(new OpenViolationChange(reader.GetFieldValue<DateOnly>(0), reader.GetInt32(1)));
        }

        return changes;
    }

    /// <summary>The WHERE clause of a query (or an empty string); its values are appended to <paramref name="values"/> as $1, $2…</summary>
    private static string Where(ViolationQuery query, List<object> values)
    {
        var conditions = new StringBuilder();
        void Add(string condition, object value)
        {
            values.Add(value);
            conditions.Append(conditions.Length == 0 ? " WHERE " : " AND ").Append(condition.Replace("$?", "$" + values.Count, StringComparison.Ordinal));
        }
        if (query.Units is { } units)
        {
            Add("unit = ANY($?)", units.ToArray());
        }

        if (query.PlanId is { } planId)
        {
            Add("plan_id = $?", planId);
        }

        if (query.RequirementId is { } requirementId)
        {
            Add("requirement_id = $?", requirementId);
        }

        if (query.PhaseId is { } phaseId)
        {
            Add("phase_id = $?", phaseId);
        }

        if (query.Period is { } period)
        {
            Add("period = $?", period);
        }

        if (query.Severity is { } severity)
        {
            Add("severity = $?", severity);
        }

        if (query.Status is { } status)
        {
            Add("status = $?", status.ToString());
        }

        if (query.From is { } from)
        {
            Add("period_end >= $?", from);
        }

        if (query.To is { } to)
        {
            Add("period_start <= $?", to);
        }

        return conditions.ToString();
    }

    private NpgsqlBatchCommand Upsert(StoredViolation v) => Command(_upsert,
        v.Id, v.Unit, v.Body, v.PlanId, v.PlanVersion, v.RequirementId, v.ActionId, v.Kind, v.Severity, v.PhaseId, v.Period, v.PeriodStart, v.PeriodEnd,
        v.Target, v.Code, v.MessageZh, v.MessageEn, v.Details, v.Status.ToString(),
        PostgresTime.Utc(v.OpenedAt), PostgresTime.Offset(v.OpenedAt),
        v.ResolvedAt is { } resolved ? PostgresTime.Utc(resolved) : null, v.ResolvedAt is { } r ? PostgresTime.Offset(r) : null,
        PostgresTime.Utc(v.ChangedAt), PostgresTime.Offset(v.ChangedAt));

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            var parameter = new NpgsqlParameter { Value = value ?? DBNull.Value };
            if (value is DateTime)
            {
                parameter.NpgsqlDbType = NpgsqlDbType.TimestampTz;
            }

            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static StoredViolation Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Unit = reader.GetString(1),
        Body = reader.IsDBNull(2) ? null : reader.GetString(2),
        PlanId = reader.GetString(3),
        PlanVersion = reader.GetInt32(4),
        RequirementId = reader.GetString(5),
        ActionId = reader.GetString(6),
        Kind = reader.GetString(7),
        Severity = reader.GetString(8),
        PhaseId = reader.IsDBNull(9) ? null : reader.GetString(9),
        Period = reader.GetString(10),
        PeriodStart = reader.GetFieldValue<DateOnly>(11),
        PeriodEnd = reader.GetFieldValue<DateOnly>(12),
        Target = reader.IsDBNull(13) ? null : reader.GetString(13),
        Code = reader.GetString(14),
        MessageZh = reader.GetString(15),
        MessageEn = reader.GetString(16),
        Details = reader.GetString(17),
        Status = Enum.Parse<ViolationStatus>(reader.GetString(18)),
        OpenedAt = PostgresTime.Read(reader.GetFieldValue<DateTime>(19), reader.GetInt16(20)),
        ResolvedAt = reader.IsDBNull(21) ? null : PostgresTime.Read(reader.GetFieldValue<DateTime>(21), reader.GetInt16(22)),
        ChangedAt = PostgresTime.Read(reader.GetFieldValue<DateTime>(23), reader.GetInt16(24)),
    };
}
