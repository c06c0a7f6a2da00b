using System.Text.Json;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Campaigns;

/// <summary>
/// The <see cref="IRecordStore"/> in the SQLite file: table <c>records</c>, unique on <c>(unit, key)</c>, whose
/// rowid is the sequence. A batch is one <c>BEGIN IMMEDIATE</c> transaction on the file's single writer.
/// </summary>
/// <remarks>
/// Each record is written with <c>INSERT … ON CONFLICT (unit, key) DO NOTHING RETURNING sequence</c>; when nothing
/// was inserted, the stored record is read in the same transaction and the payloads compared. Holding the
/// write lock for the whole batch means nobody can insert the key between the two statements, and keys
/// repeated in the batch see the batch's earlier rows.
/// </remarks>
/// <threadsafety>All members are safe for concurrent use, by this process and others on the same file.</threadsafety>
public sealed class SqliteRecordStore : IRecordStore
{
    private const string Columns = "sequence, unit, key, type, kind, day, payload, recorded_at, recorded_by";
    private const string JoinedColumns = "r.sequence, r.unit, r.key, r.type, r.kind, r.day, r.payload, r.recorded_at, r.recorded_by";
    private const string WatermarkColumns = "unit, recorded_through, judged_through, due_at";
    private readonly SqliteConnections _connections;

    internal SqliteRecordStore(SqliteConnections connections) => _connections = connections;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return new([]);
        }

        return _connections.WriteAsync<IReadOnlyList<AppendResult>>((connection, transaction) =>
        {
            using var insert = connection.Command(transaction, """
                INSERT INTO records (unit, key, type, kind, day, payload, recorded_at, recorded_by)
                VALUES ($unit, $key, $type, $kind, $day, $payload, $recordedAt, $recordedBy)
                ON CONFLICT (unit, key) DO NOTHING
                RETURNING sequence;
                """);
            var unit = insert.Parameters.Add("$unit", SqliteType.Text);
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var type = insert.Parameters.Add("$type", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var day = insert.Parameters.Add("$day", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Text);
            var recordedAt = insert.Parameters.Add("$recordedAt", SqliteType.Text);
            var recordedBy = insert.Parameters.Add("$recordedBy", SqliteType.Text);
            using var existing = connection.Command(transaction, $"SELECT {Columns} FROM records WHERE unit = $unit AND key = $key;");
            // The unit is behind from the moment its records commit, in the same transaction (docs/adr/0007).
            using var recorded = connection.Command(transaction, """
                INSERT INTO unit_watermarks (unit, recorded_through) VALUES ($unit, $sequence)
                ON CONFLICT (unit) DO UPDATE SET recorded_through = max(recorded_through, excluded.recorded_through);
                """);
            var recordedUnit = recorded.Parameters.Add("$unit", SqliteType.Text);
            var recordedSequence = recorded.Parameters.Add("$sequence", SqliteType.Integer);
            var existingUnit = existing.Parameters.Add("$unit", SqliteType.Text);
            var existingKey = existing.Parameters.Add("$key", SqliteType.Text);

            var results = new List<AppendResult>(records.Count);
            foreach (var record in records)
            {
                unit.Value = record.Unit;
                key.Value = record.Key;
                type.Value = record.Type;
                kind.Value = record.Kind;
                day.Value = SqliteTime.Day(record.Day);
                payload.Value = record.Payload;
                recordedAt.Value = SqliteTime.Text(record.RecordedAt);
                recordedBy.Value = record.RecordedBy;
                if (insert.ExecuteScalar() is long sequence)
                {
                    recordedUnit.Value = record.Unit;
                    recordedSequence.Value = sequence;
                    recorded.ExecuteNonQuery();
                    results.Add(new AppendResult(record.Key, AppendOutcome.Inserted, record with { Sequence = sequence }));
                    continue;
                }

                existingUnit.Value = record.Unit;
                existingKey.Value = record.Key;
                using var reader = existing.ExecuteReader();
                reader.Read();
                var stored = Read(reader);
                results.Add(new AppendResult(record.Key, stored.Payload == record.Payload ? AppendOutcome.Duplicate : AppendOutcome.Conflict, stored));
            }
            // All or nothing: a conflict anywhere rolls the batch back.
            var outcome = AppendResult.AllOrNothing(results);
            return (outcome, ReferenceEquals(outcome, results));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoredRecord?> GetAsync(string unit, string key, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = connection.Command(null, $"SELECT {Columns} FROM records WHERE unit = $unit AND key = $key;");
            command.Parameters.AddWithValue("$unit", unit);
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredRecord>> ReadUnitAsync(string unit, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<StoredRecord>>(connection =>
        {
            // A range scan of ix_records_unit from afterSequence on.
            using var command = connection.Command(null, $"SELECT {Columns} FROM records WHERE unit = $unit AND sequence > $after ORDER BY sequence LIMIT $max;");
            command.Parameters.AddWithValue("$unit", unit);
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$max", maxCount);
            return ReadAll(command);
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredRecord>> ReadUnitsAsync(IReadOnlyList<UnitRecordsAfter> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return new([]);
        }

        return new(_connections.Read<IReadOnlyList<StoredRecord>>(connection =>
        {
            // The units and their sequences travel as one JSON object (unit: after), however many units: a parameter a
            // unit runs out of SQL variables. CROSS JOIN keeps the object outside, so each unit is a range scan of
            // ix_records_unit from its own sequence on.
            using var command = connection.Command(null, $"""
                SELECT {JoinedColumns} FROM json_each($after) AS j CROSS JOIN records AS r
                WHERE r.unit = j.key AND r.sequence > j.value ORDER BY r.sequence;
                """);
            var after = new Dictionary<string, long>(units.Count, StringComparer.Ordinal);
            foreach (var unit in units)
            {
                after[unit.Unit] = unit.AfterSequence;
            }

            command.Parameters.AddWithValue("$after", JsonSerializer.Serialize(after));
            return ReadAll(command);
        }));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredRecord>> ReadKindsAsync(IReadOnlyCollection<string> kinds, long afterSequence = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return new(_connections.Read<IReadOnlyList<StoredRecord>>(connection =>
        {
            // A range scan of ix_records_kind per kind; the kinds travel as one JSON parameter, however many there are.
            using var command = connection.Command(null,
                $"SELECT {Columns} FROM records WHERE kind IN (SELECT value FROM json_each($kinds)) AND sequence > $after ORDER BY sequence LIMIT $max;");
            command.Parameters.AddWithValue("$kinds", System.Text.Json.JsonSerializer.Serialize(kinds));
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$max", maxCount);
            return ReadAll(command);
        }));
    }

    /// <inheritdoc />
    public ValueTask<long> CountUnitAsync(string unit, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = connection.Command(null, "SELECT count(*) FROM records WHERE unit = $unit;");
            command.Parameters.AddWithValue("$unit", unit);
            return (long)command.ExecuteScalar()!;
        }));

    private static List<StoredRecord> ReadAll(SqliteCommand command)
    {
        var records = new List<StoredRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static StoredRecord Read(SqliteDataReader reader) =>
        new(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), SqliteTime.ParseDay(reader.GetString(5)),
            reader.GetString(6), SqliteTime.Parse(reader.GetString(7)), reader.GetString(8))
        {
            Sequence = reader.GetInt64(0),
        };

    /// <inheritdoc />
    public ValueTask<UnitWatermark?> GetWatermarkAsync(string unit, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = connection.Command(null, $"SELECT {WatermarkColumns} FROM unit_watermarks WHERE unit = $unit;");
            command.Parameters.AddWithValue("$unit", unit);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadWatermark(reader) : null;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<UnitWatermark>> GetWatermarksAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return new([]);
        }

        return new(_connections.Read<IReadOnlyList<UnitWatermark>>(connection =>
        {
            // One JSON parameter however many units; each a seek of the primary key.
            using var command = connection.Command(null, $"SELECT {WatermarkColumns} FROM unit_watermarks WHERE unit IN (SELECT value FROM json_each($units));");
            command.Parameters.AddWithValue("$units", JsonSerializer.Serialize(units));
            var marks = new List<UnitWatermark>(units.Count);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                marks.Add(ReadWatermark(reader));
            }

            return marks;
        }));
    }

    /// <inheritdoc />
    public async ValueTask EnsureWatermarksAsync(IReadOnlyCollection<string> units, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return;
        }

        await _connections.WriteAsync((connection, transaction) =>
        {
            // One JSON parameter however many units (a parameter per unit runs out of SQL variables). "WHERE true" lets
            // SQLite's parser tell the upsert's ON CONFLICT from a join's ON.
            using var command = connection.Command(transaction, """
                INSERT INTO unit_watermarks (unit, due_at) SELECT value, $due FROM json_each($units) WHERE true
                ON CONFLICT (unit) DO NOTHING;
                """);
            command.Parameters.AddWithValue("$units", JsonSerializer.Serialize(units));
            command.Parameters.AddWithValue("$due", SqliteTime.Ticks(dueAt));
            command.ExecuteNonQuery();
            return (true, true);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask MarkJudgedAsync(string unit, long judgedThrough, DateTimeOffset? dueAt, CancellationToken cancellationToken = default) =>
        await _connections.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(transaction, """
                INSERT INTO unit_watermarks (unit, judged_through, due_at) VALUES ($unit, $judged, $due)
                ON CONFLICT (unit) DO UPDATE SET judged_through = max(judged_through, excluded.judged_through), due_at = excluded.due_at;
                """);
            command.Parameters.AddWithValue("$unit", unit);
            command.Parameters.AddWithValue("$judged", judgedThrough);
            command.Parameters.AddWithValue("$due", dueAt is { } due ? SqliteTime.Ticks(due) : DBNull.Value);
            command.ExecuteNonQuery();
            return (true, true);
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask MarkJudgedManyAsync(IReadOnlyList<UnitJudgement> judgements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        if (judgements.Count == 0)
        {
            return;
        }

        await _connections.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(transaction, """
                INSERT INTO unit_watermarks (unit, judged_through, due_at) VALUES ($unit, $judged, $due)
                ON CONFLICT (unit) DO UPDATE SET judged_through = max(judged_through, excluded.judged_through), due_at = excluded.due_at;
                """);
            var unit = command.Parameters.Add("$unit", SqliteType.Text);
            var judged = command.Parameters.Add("$judged", SqliteType.Integer);
            var due = command.Parameters.Add("$due", SqliteType.Integer);
            foreach (var judgement in judgements)
            {
                unit.Value = judgement.Unit;
                judged.Value = judgement.JudgedThrough;
                due.Value = judgement.DueAt is { } at ? SqliteTime.Ticks(at) : DBNull.Value;
                command.ExecuteNonQuery();
            }

            return (true, true);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<UnitWatermark>> UnitsBehindAsync(DateTimeOffset now, string? afterUnit = null, int maxCount = 256, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<UnitWatermark>>(connection =>
        {
            // Each half reads its partial index (only rows behind are in it), so an idle file answers without a scan. Left
            // to itself SQLite 3.40 walks the primary key instead, for the order; INDEXED BY makes the index a requirement.
            using var command = connection.Command(null, $"""
                SELECT {WatermarkColumns} FROM unit_watermarks INDEXED BY ix_unit_watermarks_behind WHERE recorded_through > judged_through AND unit > $after
                UNION
                SELECT {WatermarkColumns} FROM unit_watermarks INDEXED BY ix_unit_watermarks_due WHERE due_at <= $now AND unit > $after
                ORDER BY unit LIMIT $max;
                """);
            command.Parameters.AddWithValue("$after", afterUnit ?? "");
            command.Parameters.AddWithValue("$now", SqliteTime.Ticks(now));
            command.Parameters.AddWithValue("$max", maxCount);
            var behind = new List<UnitWatermark>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                behind.Add(ReadWatermark(reader));
            }

            return behind;
        }));

    private static UnitWatermark ReadWatermark(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero));
}
