using System.Globalization;
using System.Runtime.CompilerServices;
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
                if (happened == ViolationEventKind.Changed && update.Quiet)
                {
                    continue;
                }

                eventId.Value = next!.Id;
                eventKind.Value = happened.ToString();
                eventAt.Value = SqliteTime.Text(update.At);
                eventDetails.Value = update.EventDetails;
                var sequence = (long)append.ExecuteScalar()!;
                events.Add(new ViolationEvent(next.Id, happened, update.At, update.EventDetails) { Sequence = sequence });
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
    /// <remarks>
    /// The total and the page come from one read transaction (one snapshot). The page's ids are read from an index
    /// alone and only their rows are fetched; with units asked for, <see cref="Choose"/> says which index.
    /// </remarks>
    public ValueTask<ViolationPage> QueryAsync(ViolationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(_connections.Read(connection =>
        {
            using var snapshot = connection.BeginTransaction(deferred: true);
            using var count = connection.Command(snapshot, "");
            var countScan = query.Units is null ? ViolationScan.Planner : ViolationScan.ByUnit;
            count.CommandText = $"SELECT count(*) FROM violations{Hint(countScan, query)}{Where(query, count)};";
            var total = (int)(long)count.ExecuteScalar()!;
            var items = new List<StoredViolation>();
            if (total > query.Offset && query.Limit > 0)
            {
                var scan = Choose(connection, snapshot, query, total, wanted: (long)query.Offset + query.Limit, sortCost: 1);
                using var page = connection.Command(snapshot, "");
                page.CommandText = $"""
                    SELECT {Columns} FROM violations WHERE id IN (
                        SELECT id FROM violations{Hint(scan, query)}{Where(query, page)} ORDER BY period_end, id LIMIT $limit OFFSET $offset)
                    ORDER BY period_end, id;
                    """;
                page.Parameters.AddWithValue("$limit", query.Limit);
                page.Parameters.AddWithValue("$offset", query.Offset);
                using var reader = page.ExecuteReader();
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
    /// <remarks>
    /// One statement on one reader connection, in one read transaction (a WAL snapshot, so the export is one moment's
    /// violations): rows come off the cursor as the caller asks for them, never paged by offset or counted again.
    /// With units asked for, one count first lets <see cref="Choose"/> pick the index.
    /// </remarks>
    public async IAsyncEnumerable<StoredViolation> StreamAsync(ViolationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = _connections.RentReader();
        try
        {
            using var snapshot = connection.BeginTransaction(deferred: true);
            var scan = ViolationScan.Planner;
            if (query.Units is not null)
            {
                using var count = connection.Command(snapshot, "");
                count.CommandText = $"SELECT count(*) FROM violations{Hint(ViolationScan.ByUnit, query)}{Where(query, count)};";
                var total = (long)count.ExecuteScalar()!;
                // Seeking by unit sorts whole rows (spilled to a temporary file when large): dearer per row than a walk.
                scan = Choose(connection, snapshot, query, total, wanted: total, sortCost: 4);
            }

            using var command = connection.Command(snapshot, "");
            command.CommandText = $"SELECT {Columns} FROM violations{Hint(scan, query)}{Where(query, command)} ORDER BY period_end, id;";
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Read(reader);
            }
        }
        finally
        {
            _connections.ReturnReader(connection);
        }
    }

    /// <summary>
    /// How a query by units reads: walking an order index meets a match about every <c>rows / total</c> entries, so
    /// it has its <paramref name="wanted"/> rows after <c>wanted · rows / total</c> entries; seeking each unit reads
    /// <paramref name="total"/> entries and sorts them (<paramref name="sortCost"/> weighs the sort). The walk wins
    /// for a body that holds much of the file (a district's 10,000 units: ~100 entries for a page instead of 80,000);
    /// seeking wins for a unit or a small group. The table's size is the planner's statistics (<c>sqlite_stat1</c>,
    /// kept by <c>PRAGMA optimize</c> at open); without them, seeking, whose cost is bounded by the matches.
    /// </summary>
    private static ViolationScan Choose(SqliteConnection connection, SqliteTransaction snapshot, ViolationQuery query, long total, long wanted, double sortCost)
    {
        if (query.Units is null)
        {
            return ViolationScan.Planner;
        }

        if (total == 0 || TableRows(connection, snapshot) is not { } rows)
        {
            return ViolationScan.ByUnit;
        }

        rows = Math.Max(rows, total);
        return (double)wanted * rows / total <= total * sortCost ? ViolationScan.InOrder : ViolationScan.ByUnit;
    }

    /// <summary>The number of violations as the last analysis counted them, or null when the file was never analysed.</summary>
    private static long? TableRows(SqliteConnection connection, SqliteTransaction snapshot)
    {
        using var exists = connection.Command(snapshot, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1';");
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return null;
        }

        using var command = connection.Command(snapshot, "SELECT stat FROM sqlite_stat1 WHERE tbl = 'violations' AND idx = 'ix_violations_period';");
        if (command.ExecuteScalar() is not string stat)
        {
            return null;
        }

        var span = stat.AsSpan();
        var space = span.IndexOf(' ');
        return long.TryParse(space < 0 ? span : span[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : null;
    }

    /// <summary>The index a scan uses, forced: SQLite's estimate of a JSON list of units is a fixed guess, whatever its length.</summary>
    private static string Hint(ViolationScan scan, ViolationQuery query) => query.Units is not { Count: > 0 } ? "" : scan switch
    {
        ViolationScan.ByUnit => " INDEXED BY ix_violations_unit_status",
        ViolationScan.InOrder => query.Status is null ? " INDEXED BY ix_violations_period" : " INDEXED BY ix_violations_status",
        _ => "",
    };

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
            else if (units.Count == 1)
            {
                // One unit is one range of (unit, status, period_end, id), already in the query's order.
                conditions.Add("unit = $unit");
                command.Parameters.AddWithValue("$unit", units.First());
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
        // With units asked for, the index is forced (Hint): a unit's open violations seek (unit, status), not every open
        // violation of the file, which SQLite's guess would walk.
        Equal("status", "$status", query.Status?.ToString());
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
