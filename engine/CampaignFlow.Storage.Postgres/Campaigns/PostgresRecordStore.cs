using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace CampaignFlow.Storage.Postgres.Campaigns;

/// <summary>
/// The <see cref="IRecordStore"/> on PostgreSQL: table <c>campaign_record</c>, unique on <c>(unit, key)</c>, with
/// an identity column as the sequence. A batch is one transaction.
/// </summary>
/// <remarks>
/// <para>A batch first takes a transaction-scoped advisory lock per unit it touches (in ordinal order, so two
/// batches never deadlock). Appends to one unit therefore commit one after another, and their sequence numbers
/// are handed out in commit order: a reader paging a unit with <c>afterSequence</c> can never see sequence 11
/// while 10 is still uncommitted and so skip it for good.</para>
/// <para>The batch's new keys go in with one <c>INSERT … SELECT FROM unnest(…) ON CONFLICT (unit, key) DO NOTHING
/// RETURNING</c>; the rows it did not insert are read back and their payloads compared (duplicate or conflict).
/// A key repeated inside the batch is judged against its first occurrence.</para>
/// </remarks>
/// <threadsafety>All members are safe for concurrent use; each call takes its own pooled connection.</threadsafety>
public sealed class PostgresRecordStore : IRecordStore
{
    // First key of the two-key advisory lock: a fixed namespace for record appends ("CFRC").
    private const int LockNamespace = 0x43465243;
    private const string WatermarkColumns = "unit, recorded_through, judged_through, due_at";
    private const string JoinedColumns = "r.sequence, r.unit, r.key, r.type, r.kind, r.day, r.payload::text, r.recorded_at, r.recorded_offset_minutes, r.recorded_by";
    private const string Columns = "sequence, unit, key, type, kind, day, payload::text, recorded_at, recorded_offset_minutes, recorded_by";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly string _watermarks;

    /// <summary>A store over an already migrated schema (see <see cref="PostgresCampaignStores"/>). The caller owns the data source.</summary>
    public PostgresRecordStore(NpgsqlDataSource dataSource, string schema = PostgresCampaignStores.DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _table = PostgresSchema.Quote(schema) + ".campaign_record";
        _watermarks = PostgresSchema.Quote(schema) + ".campaign_unit_watermark";
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return [];
        }

        // The first occurrence of each (unit, key) is the one that may be inserted.
        var first = new Dictionary<(string Unit, string Key), int>();
        for (var i = 0; i < records.Count; i++)
        {
            first.TryAdd((records[i].Unit, records[i].Key), i);
        }

        var candidates = first.Values.Order().Select(i => records[i]).ToList();
        var units = candidates.Select(r => r.Unit).Distinct().Order(StringComparer.Ordinal).ToArray();

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockUnits = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext(u)) FROM unnest($2::text[]) WITH ORDINALITY AS t(u, n) ORDER BY n", connection, transaction))
        {
            lockUnits.Parameters.Add(new NpgsqlParameter { Value = LockNamespace });
            lockUnits.Parameters.Add(new NpgsqlParameter { Value = units });
            await lockUnits.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var stored = new Dictionary<(string Unit, string Key), StoredRecord>();
        var inserted = new HashSet<(string Unit, string Key)>();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {_table} (unit, key, type, kind, day, payload, recorded_at, recorded_offset_minutes, recorded_by) " +
            "SELECT u, k, t, kd, d, p::json, at, o, b FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::timestamptz[], $8::smallint[], $9::text[]) " +
            "WITH ORDINALITY AS r(u, k, t, kd, d, p, at, o, b, n) ORDER BY n " +
            "ON CONFLICT (unit, key) DO NOTHING RETURNING unit, key, sequence", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => r.Unit).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => r.Key).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => r.Type).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => r.Kind).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => r.Day).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => r.Payload).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => PostgresTime.Utc(r.RecordedAt)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => PostgresTime.Offset(r.RecordedAt)).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = candidates.Select(r => r.RecordedBy).ToArray() });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = (reader.GetString(0), reader.GetString(1));
                inserted.Add(id);
                stored[id] = records[first[id]] with { Sequence = reader.GetInt64(2) };
            }
        }

        var existing = candidates.Where(r => !inserted.Contains((r.Unit, r.Key))).ToList();
        if (existing.Count > 0)
        {
            await using var select = new NpgsqlCommand(
                $"SELECT {Columns} FROM {_table} WHERE (unit, key) IN (SELECT u, k FROM unnest($1::text[], $2::text[]) AS x(u, k))", connection, transaction);
            select.Parameters.Add(new NpgsqlParameter { Value = existing.Select(r => r.Unit).ToArray() });
            select.Parameters.Add(new NpgsqlParameter { Value = existing.Select(r => r.Key).ToArray() });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var record = Read(reader);
                stored[(record.Unit, record.Key)] = record;
            }
        }
        var results = new List<AppendResult>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var id = (record.Unit, record.Key);
            var row = stored[id];
            var outcome = first[id] == i && inserted.Contains(id) ? AppendOutcome.Inserted
                : row.Payload == record.Payload ? AppendOutcome.Duplicate
                : AppendOutcome.Conflict;
            results.Add(new AppendResult(record.Key, outcome, row));
        }

        // All or nothing: a conflict anywhere rolls the batch back.
        var judged = AppendResult.AllOrNothing(results);
        if (ReferenceEquals(judged, results))
        {
            // The units are behind from the moment their records commit, in the same transaction (docs/adr/0007).
            var heads = stored.Where(s => inserted.Contains(s.Key)).GroupBy(s => s.Key.Unit).Select(g => (Unit: g.Key, Through: g.Max(s => s.Value.Sequence))).ToArray();
            if (heads.Length > 0)
            {
                await using var recorded = new NpgsqlCommand(
                    $"INSERT INTO {_watermarks} (unit, recorded_through) SELECT u, s FROM unnest($1::text[], $2::bigint[]) AS h(u, s) " +
                    "ON CONFLICT (unit) DO UPDATE SET recorded_through = greatest(campaign_unit_watermark.recorded_through, excluded.recorded_through)", connection, transaction);
                recorded.Parameters.Add(new NpgsqlParameter { Value = heads.Select(h => h.Unit).ToArray() });
                recorded.Parameters.Add(new NpgsqlParameter { Value = heads.Select(h => h.Through).ToArray() });
                await recorded.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        return judged;
    }

    /// <inheritdoc />
    public async ValueTask<StoredRecord?> GetAsync(string unit, string key, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_table} WHERE unit = $1 AND key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unit });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredRecord>> ReadUnitAsync(string unit, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_table} WHERE unit = $1 AND sequence > $2 ORDER BY sequence LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = unit });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)maxCount });
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredRecord>> ReadUnitsAsync(IReadOnlyList<UnitRecordsAfter> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return [];
        }

        // Two array parameters however many units; each unit an index range of (unit, sequence) from its own sequence on.
        await using var command = _dataSource.CreateCommand(
            $"SELECT {JoinedColumns} FROM unnest($1::text[], $2::bigint[]) AS x(u, a) JOIN {_table} AS r ON r.unit = x.u AND r.sequence > x.a ORDER BY r.sequence");
        command.Parameters.Add(new NpgsqlParameter { Value = units.Select(u => u.Unit).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = units.Select(u => u.AfterSequence).ToArray() });
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredRecord>> ReadKindsAsync(IReadOnlyCollection<string> kinds, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_table} WHERE kind = ANY($1) AND sequence > $2 ORDER BY sequence LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = kinds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)maxCount });
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT count(*) FROM {_table} WHERE unit = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = unit });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async ValueTask<UnitWatermark?> GetWatermarkAsync(string unit, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {WatermarkColumns} FROM {_watermarks} WHERE unit = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = unit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadWatermark(reader) : null;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<UnitWatermark>> GetWatermarksAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return [];
        }

        // One array parameter however many units.
        await using var command = _dataSource.CreateCommand($"SELECT {WatermarkColumns} FROM {_watermarks} WHERE unit = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = units.ToArray() });
        var marks = new List<UnitWatermark>(units.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            marks.Add(ReadWatermark(reader));
        }

        return marks;
    }

    /// <inheritdoc />
    public async ValueTask EnsureWatermarksAsync(IReadOnlyCollection<string> units, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return;
        }

        await using var command = _dataSource.CreateCommand($"INSERT INTO {_watermarks} (unit, due_at) SELECT u, $2 FROM unnest($1::text[]) AS x(u) ON CONFLICT (unit) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = units.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresTime.Utc(dueAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask MarkJudgedAsync(string unit, long judgedThrough, DateTimeOffset? dueAt, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"INSERT INTO {_watermarks} (unit, judged_through, due_at) VALUES ($1, $2, $3) " +
            "ON CONFLICT (unit) DO UPDATE SET judged_through = greatest(campaign_unit_watermark.judged_through, excluded.judged_through), due_at = excluded.due_at");
        command.Parameters.Add(new NpgsqlParameter { Value = unit });
        command.Parameters.Add(new NpgsqlParameter { Value = judgedThrough });
        command.Parameters.Add(new NpgsqlParameter { Value = dueAt is { } due ? PostgresTime.Utc(due) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask MarkJudgedManyAsync(IReadOnlyList<UnitJudgement> judgements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        if (judgements.Count == 0)
        {
            return;
        }

        // One statement over arrays, so one round trip and one commit. Units in order: two hosts marking overlapping
        // units lock their rows in one order.
        var ordered = judgements.OrderBy(j => j.Unit, StringComparer.Ordinal).ToArray();
        await using var command = _dataSource.CreateCommand(
            $"INSERT INTO {_watermarks} (unit, judged_through, due_at) " +
            "SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) " +
            "ON CONFLICT (unit) DO UPDATE SET judged_through = greatest(campaign_unit_watermark.judged_through, excluded.judged_through), due_at = excluded.due_at");
        command.Parameters.Add(new NpgsqlParameter { Value = ordered.Select(j => j.Unit).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = ordered.Select(j => j.JudgedThrough).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = ordered.Select(j => j.DueAt is { } due ? (DateTime?)PostgresTime.Utc(due) : null).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<UnitWatermark>> UnitsBehindAsync(DateTimeOffset now, string? afterUnit = null, int maxCount = 256, CancellationToken cancellationToken = default)
    {
        // Each half reads its partial index (only rows behind are in it), so an idle database answers without a scan.
        await using var command = _dataSource.CreateCommand(
            $"SELECT {WatermarkColumns} FROM {_watermarks} WHERE recorded_through > judged_through AND unit > $1 " +
            $"UNION SELECT {WatermarkColumns} FROM {_watermarks} WHERE due_at <= $2 AND unit > $1 " +
            "ORDER BY unit LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = afterUnit ?? "" });
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresTime.Utc(now), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)maxCount });
        var behind = new List<UnitWatermark>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            behind.Add(ReadWatermark(reader));
        }

        return behind;
    }

    private static UnitWatermark ReadWatermark(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(3), DateTimeKind.Utc)));

    private static async Task<IReadOnlyList<StoredRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<StoredRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static StoredRecord Read(NpgsqlDataReader reader) =>
        new(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateOnly>(5), reader.GetString(6),
            PostgresTime.Read(reader.GetFieldValue<DateTime>(7), reader.GetInt16(8)), reader.GetString(9))
        {
            Sequence = reader.GetInt64(0),
        };
}
