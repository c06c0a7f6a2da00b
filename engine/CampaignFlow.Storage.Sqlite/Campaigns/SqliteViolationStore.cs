using System.Globalization;
using System.Text.Json;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Campaigns;

/// <summary>
/// The <see cref="IViolationStore"/> in the SQLite file: table <c>violations</c> (one row per violation, every
/// filter a typed, indexed column) and <c>violation_events</c> (its history).
/// </summary>
/// <remarks>
/// An update batch is one <c>BEGIN IMMEDIATE</c> transaction: each update reads the stored row, asks
/// <see cref="ViolationLifecycle.Apply"/> what it becomes, and writes the row and the event. The lifecycle rule is
/// written once, in C#; the single writer makes read-decide-write safe without row locks. A query reads its page
/// and its total in one read transaction, so both come from the same snapshot.
/// </remarks>
/// <threadsafety>All members are safe for concurrent use, by this process and others on the same file.</threadsafety>
public sealed class SqliteViolationStore : IViolationStore
{
    private const string Columns =
        "id, unit, body, plan_id, plan_version, requirement_id, action_id, kind, severity, phase_id, period, period_start, period_end, " +
        "target, code, message_zh, message_en, details, status, opened_at, resolved_at, changed_at";

    private readonly SqliteConnections _connections;

    internal SqliteViolationStore(SqliteConnections connections) => _connections = connections;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ViolationEvent>> ApplyAsync(IReadOnlyList<ViolationUpdate> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return new([]);
        }

        return _connections.WriteAsync<IReadOnlyList<ViolationEvent>>((connection, transaction) =>
        {
            using var select = connection.Command(transaction, $"SELECT {Columns} FROM violations WHERE id = $id;");
            var selectId = select.Parameters.Add("$id", SqliteType.Text);
            using var upsert = connection.Command(transaction, $"""
                INSERT INTO violations ({Columns})
                VALUES ($id, $unit, $body, $planId, $planVersion, $requirementId, $actionId, $kind, $severity, $phaseId, $period, $periodStart, $periodEnd,
                        $target, $code, $messageZh, $messageEn, $details, $status, $openedAt, $resolvedAt, $changedAt)
                ON CONFLICT (id) DO UPDATE SET
                    unit = excluded.unit, body = excluded.body, plan_id = excluded.plan_id, plan_version = excluded.plan_version,
                    requirement_id = excluded.requirement_id, action_id = excluded.action_id, kind = excluded.kind, severity = excluded.severity,
                    phase_id = excluded.phase_id, period = excluded.period, period_start = excluded.period_start, period_end = excluded.period_end,
                    target = excluded.target, code = excluded.code, message_zh = excluded.message_zh, message_en = excluded.message_en,
                    details = excluded.details, status = excluded.status, opened_at = excluded.opened_at, resolved_at = excluded.resolved_at,
                    changed_at = excluded.changed_at;
                """);
            using var append = connection.Command(transaction,
                "INSERT INTO violation_events (violation_id, kind, at, details) VALUES ($id, $kind, $at, $details) RETURNING sequence;");
            var eventId = append.Parameters.Add("$id", SqliteType.Text);
            var eventKind = append.Parameters.Add("$kind", SqliteType.Text);
            var eventAt = append.Parameters.Add("$at", SqliteType.Text);
            var eventDetails = append.Parameters.Add("$details", SqliteType.Text);

            var events = new List<ViolationEvent>();
            foreach (var update in updates)
            {
                selectId.Value = update.Violation.Id;
                StoredViolation? row;
                using (var reader = select.ExecuteReader())
                {
                    row = reader.Read() ? Read(reader) : null;
                }

                var (kind, next) = ViolationLifecycle.Apply(row, update);
                if (kind is not { } happened)
                {
                    continue;
                }

                Bind(upsert, next!);
                upsert.ExecuteNonQuery();
                eventId.Value = next!.Id;
                eventKind.Value = happened.ToString();
                eventAt.Value = SqliteTime.Text(update.At);
                eventDetails.Value = update.Violation.Details;
                var sequence = (long)append.ExecuteScalar()!;
                events.Add(new ViolationEvent(next.Id, happened, update.At, update.Violation.Details) { Sequence = sequence });
            }
            return (events, true);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoredViolation?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = connection.Command(null, $"SELECT {Columns} FROM violations WHERE id = $id;");
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }));

    /// <inheritdoc />
    public ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(_connections.Read(connection =>
        {
            using var snapshot = connection.BeginTransaction(deferred: true);
            using var count = connection.Command(snapshot, "");
            var where = Where(query, count);
            count.CommandText = $"SELECT count(*) FROM violations{where};";
            var total = (int)(long)count.ExecuteScalar()!;

            using var page = connection.Command(snapshot, "");
            Where(query, page);
            page.CommandText = $"SELECT {Columns} FROM violations{where} ORDER BY period_end, id LIMIT $limit OFFSET $offset;";
            page.Parameters.AddWithValue("$limit", query.Limit);
            page.Parameters.AddWithValue("$offset", query.Offset);
            var items = new List<StoredViolation>();
            using (var reader = page.ExecuteReader())
            {
                while (reader.Read())
                {
                    items.Add(Read(reader));
                }
            }
            snapshot.Commit();
            return new ViolationPage(items, total);
        }));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ViolationEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<ViolationEvent>>(connection =>
        {
            using var command = connection.Command(null, "SELECT sequence, kind, at, details FROM violation_events WHERE violation_id = $id ORDER BY sequence;");
            command.Parameters.AddWithValue("$id", id);
            var events = new List<ViolationEvent>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                events.Add(new ViolationEvent(id, Enum.Parse<ViolationEventKind>(reader.GetString(1)), SqliteTime.Parse(reader.GetString(2)), reader.GetString(3))
                {
                    Sequence = reader.GetInt64(0),
                });
            }
            return events;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> OpenIdsAsync(string unit, string planId, int planVersion, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<string>>(connection =>
        {
            using var command = connection.Command(null,
                "SELECT id FROM violations WHERE unit = $unit AND plan_id = $plan AND plan_version = $version AND status = 'Open' ORDER BY id;");
            command.Parameters.AddWithValue("$unit", unit);
            command.Parameters.AddWithValue("$plan", planId);
            command.Parameters.AddWithValue("$version", planVersion);
            var ids = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }));

    /// <inheritdoc />
    /// <remarks>
    /// Reads <c>violation_tallies</c>, kept by triggers (migration 4) in the transaction that changes a violation. One
    /// row per unit and plan version, its tallies joined in one text: a body's units have several tallies each, and
    /// reading a row costs more here than the row costs SQLite (a body of 10,000 units: 45,000 tallies, 7,500 rows).
    /// </remarks>
    public ValueTask<IReadOnlyList<OpenViolationTally>> TallyOpenAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        return new(_connections.Read<IReadOnlyList<OpenViolationTally>>(connection =>
        {
            // One JSON array, not a parameter per unit, as in Where: a body's units can outnumber SQLite's parameters.
            using var command = connection.Command(null, """
                SELECT unit, plan_id, plan_version,
                       group_concat(requirement_id || char(31) || open || char(31) || earliest_due || char(31) || earliest_opened, char(30))
                FROM violation_tallies WHERE unit IN (SELECT value FROM json_each($units))
                GROUP BY unit, plan_id, plan_version
                ORDER BY unit, plan_id, plan_version;
                """);
            command.Parameters.AddWithValue("$units", JsonSerializer.Serialize(units));
            var tallies = new List<OpenViolationTally>();
            // Units share requirement ids: one string each, not one per tally.
            var requirements = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (unit, plan, version) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
                var first = tallies.Count;
                var joined = reader.GetString(3).AsSpan();
                foreach (var range in joined.Split('\u001e'))
                {
                    var entry = joined[range];
                    var fields = new Range[4];
                    entry.Split(fields, '\u001f');
                    var id = entry[fields[0]];
                    if (!requirements.TryGetValue(id, out var requirement))
                    {
                        requirement = id.ToString();
                        requirements[id] = requirement;
                    }

                    tallies.Add(new OpenViolationTally(unit, plan, version, requirement, int.Parse(entry[fields[1]], CultureInfo.InvariantCulture),
                        SqliteTime.ParseDay(entry[fields[2]]), SqliteTime.ParseDay(entry[fields[3]])));
                }

                // group_concat keeps no order: the contract orders by requirement within the unit and version.
                tallies.Sort(first, tallies.Count - first, RequirementOrder.Instance);
            }

            return tallies;
        }));
    }

    /// <inheritdoc />
    /// <remarks>Reads <c>violation_open_days</c>, kept by triggers (migration 4) in the transaction that changes a violation.</remarks>
    public ValueTask<IReadOnlyList<OpenViolationChange>> OpenChangesByDayAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        return new(_connections.Read<IReadOnlyList<OpenViolationChange>>(connection =>
        {
            using var command = connection.Command(null, """
                SELECT day, sum(change) FROM violation_open_days WHERE unit IN (SELECT value FROM json_each($units))
                GROUP BY day HAVING sum(change) <> 0 ORDER BY day;
                """);
            command.Parameters.AddWithValue("$units", JsonSerializer.Serialize(units));
            var changes = new List<OpenViolationChange>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                changes.Add(new OpenViolationChange(SqliteTime.ParseDay(reader.GetString(0)), reader.GetInt32(1)));
            }

            return changes;
        }));
    }

    /// <summary>The WHERE clause of a query (or an empty string), its parameters added to <paramref name="command"/>.</summary>
    private static string Where(ViolationQuery query, SqliteCommand command)
    {
        var conditions = new List<string>();
        if (query.Units is { } units)
        {
            if (units.Count == 0)
            {
                conditions.Add("0");
            }
            else
            {
                // One JSON array, not a parameter per unit: a body's units can outnumber SQLite's 32,766 parameters.
                conditions.Add("unit IN (SELECT value FROM json_each($units))");
                command.Parameters.AddWithValue("$units", JsonSerializer.Serialize(units));
            }
        }
        void Equal(string column, string parameter, object? value)
        {
            if (value is null)
            {
                return;
            }

            conditions.Add($"{column} = {parameter}");
            command.Parameters.AddWithValue(parameter, value);
        }
        Equal("plan_id", "$planId", query.PlanId);
        Equal("requirement_id", "$requirementId", query.RequirementId);
        Equal("phase_id", "$phaseId", query.PhaseId);
        Equal("period", "$period", query.Period);
        Equal("severity", "$severity", query.Severity);
        // With units asked for, the unit index must lead: on the status index SQLite would walk every open violation in
        // the file in the query's order and drop other units' rows one by one ("+" keeps the status column off indexes).
        Equal(query.Units is null ? "status" : "+status", "$status", query.Status?.ToString());
        if (query.From is { } from)
        {
            conditions.Add("period_end >= $from");
            command.Parameters.AddWithValue("$from", SqliteTime.Day(from));
        }
        if (query.To is { } to)
        {
            conditions.Add("period_start <= $to");
            command.Parameters.AddWithValue("$to", SqliteTime.Day(to));
        }
        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    private static void Bind(SqliteCommand command, StoredViolation v)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$id", v.Id);
        command.Parameters.AddWithValue("$unit", v.Unit);
        command.Parameters.AddWithValue("$body", SqliteCommands.Nullable(v.Body));
        command.Parameters.AddWithValue("$planId", v.PlanId);
        command.Parameters.AddWithValue("$planVersion", v.PlanVersion);
        command.Parameters.AddWithValue("$requirementId", v.RequirementId);
        command.Parameters.AddWithValue("$actionId", v.ActionId);
        command.Parameters.AddWithValue("$kind", v.Kind);
        command.Parameters.AddWithValue("$severity", v.Severity);
        command.Parameters.AddWithValue("$phaseId", SqliteCommands.Nullable(v.PhaseId));
        command.Parameters.AddWithValue("$period", v.Period);
        command.Parameters.AddWithValue("$periodStart", SqliteTime.Day(v.PeriodStart));
        command.Parameters.AddWithValue("$periodEnd", SqliteTime.Day(v.PeriodEnd));
        command.Parameters.AddWithValue("$target", SqliteCommands.Nullable(v.Target));
        command.Parameters.AddWithValue("$code", v.Code);
        command.Parameters.AddWithValue("$messageZh", v.MessageZh);
        command.Parameters.AddWithValue("$messageEn", v.MessageEn);
        command.Parameters.AddWithValue("$details", v.Details);
        command.Parameters.AddWithValue("$status", v.Status.ToString());
        command.Parameters.AddWithValue("$openedAt", SqliteTime.Text(v.OpenedAt));
        command.Parameters.AddWithValue("$resolvedAt", v.ResolvedAt is { } resolved ? SqliteTime.Text(resolved) : DBNull.Value);
        command.Parameters.AddWithValue("$changedAt", SqliteTime.Text(v.ChangedAt));
    }

    private static StoredViolation Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Unit = reader.GetString(1),
        Body = reader.GetNullableString(2),
        PlanId = reader.GetString(3),
        PlanVersion = reader.GetInt32(4),
        RequirementId = reader.GetString(5),
        ActionId = reader.GetString(6),
        Kind = reader.GetString(7),
        Severity = reader.GetString(8),
        PhaseId = reader.GetNullableString(9),
        Period = reader.GetString(10),
        PeriodStart = SqliteTime.ParseDay(reader.GetString(11)),
        PeriodEnd = SqliteTime.ParseDay(reader.GetString(12)),
        Target = reader.GetNullableString(13),
        Code = reader.GetString(14),
        MessageZh = reader.GetString(15),
        MessageEn = reader.GetString(16),
        Details = reader.GetString(17),
        Status = Enum.Parse<ViolationStatus>(reader.GetString(18)),
        OpenedAt = SqliteTime.Parse(reader.GetString(19)),
        ResolvedAt = reader.IsDBNull(20) ? null : SqliteTime.Parse(reader.GetString(20)),
        ChangedAt = SqliteTime.Parse(reader.GetString(21)),
    };
}
