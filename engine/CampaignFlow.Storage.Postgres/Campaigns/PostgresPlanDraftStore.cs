using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Postgres.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace CampaignFlow.Storage.Postgres.Campaigns;

/// <summary>
/// The <see cref="IPlanDraftStore"/> on PostgreSQL: tables <c>campaign_plan_draft</c> (the texts, keyed on
/// <c>(plan_id, version)</c>, files as <c>jsonb</c>) and <c>campaign_plan_draft_step</c> (the history, appended only).
/// </summary>
/// <remarks>
/// A save makes sure the draft's row exists, locks it (<c>FOR UPDATE</c>), counts its steps and writes, in one
/// transaction: of two hosts saving after the same steps, the second waits on the first's lock, then finds one step
/// more than it expected and stores nothing.
/// </remarks>
/// <threadsafety>All members are safe for concurrent use; each call takes its own pooled connection.</threadsafety>
public sealed class PostgresPlanDraftStore : IPlanDraftStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _drafts;
    private readonly string _steps;

    /// <summary>A store over an already migrated schema (see <see cref="PostgresCampaignStores"/>). The caller owns the data source.</summary>
    /// <param name="dataSource">The connection pool.</param>
    /// <param name="schema">The schema.</param>
    public PostgresPlanDraftStore(NpgsqlDataSource dataSource, string schema = PostgresCampaignStores.DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _drafts = PostgresSchema.Quote(schema) + ".campaign_plan_draft";
        _steps = PostgresSchema.Quote(schema) + ".campaign_plan_draft_step";
    }

    /// <inheritdoc />
    public async ValueTask<PlanDraft?> GetAsync(string planId, int version, CancellationToken cancellationToken = default) =>
        (await ReadAsync(planId, version, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PlanDraft>> ListAsync(string planId, CancellationToken cancellationToken = default) =>
        await ReadAsync(planId, null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<bool> SaveAsync(PlanDraft draft, int expectedSteps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Steps.Count < expectedSteps)
        {
            return false;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var ensure = new NpgsqlCommand(
            $"INSERT INTO {_drafts} (plan_id, version, unit, hash, files) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (plan_id, version) DO NOTHING", connection, transaction))
        {
            AddDraft(ensure, draft);
            await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var count = new NpgsqlCommand(
            $"SELECT (SELECT count(*) FROM {_steps} s WHERE s.plan_id = d.plan_id AND s.version = d.version) FROM {_drafts} d WHERE d.plan_id = $1 AND d.version = $2 FOR UPDATE", connection, transaction))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = draft.PlanId });
            count.Parameters.Add(new NpgsqlParameter { Value = draft.Version });
            if (Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != expectedSteps)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await using (var update = new NpgsqlCommand($"UPDATE {_drafts} SET unit = $3, hash = $4, files = $5::jsonb WHERE plan_id = $1 AND version = $2", connection, transaction))
        {
            AddDraft(update, draft);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var i = expectedSteps; i < draft.Steps.Count; i++)
        {
            var step = draft.Steps[i];
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {_steps} (plan_id, version, step, action, by_name, at, at_offset_minutes, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = draft.PlanId });
            insert.Parameters.Add(new NpgsqlParameter { Value = draft.Version });
            insert.Parameters.Add(new NpgsqlParameter { Value = i });
            insert.Parameters.Add(new NpgsqlParameter { Value = step.Action.ToString() });
            insert.Parameters.Add(new NpgsqlParameter { Value = step.By });
            insert.Parameters.Add(new NpgsqlParameter { Value = PostgresTime.Utc(step.At), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = PostgresTime.Offset(step.At) });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)step.Comment ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static void AddDraft(NpgsqlCommand command, PlanDraft draft)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = draft.PlanId });
        command.Parameters.Add(new NpgsqlParameter { Value = draft.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = draft.Unit });
        command.Parameters.Add(new NpgsqlParameter { Value = draft.Hash });
        command.Parameters.Add(new NpgsqlParameter { Value = PlanSourceFileJson.Write(draft.Files) });
    }

    private async Task<IReadOnlyList<PlanDraft>> ReadAsync(string planId, int? version, CancellationToken cancellationToken)
    {
        var where = version is null ? "plan_id = $1" : "plan_id = $1 AND version = $2";
        var steps = new Dictionary<int, List<PlanDraftStep>>();
        await using (var command = _dataSource.CreateCommand($"SELECT version, action, by_name, at, at_offset_minutes, comment FROM {_steps} WHERE {where} ORDER BY version, step"))
        {
            Bind(command, planId, version);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var list = steps.TryGetValue(reader.GetInt32(0), out var found) ? found : steps[reader.GetInt32(0)] = [];
                list.Add(new PlanDraftStep(Enum.Parse<PlanDraftAction>(reader.GetString(1)), reader.GetString(2),
                    PostgresTime.Read(reader.GetFieldValue<DateTime>(3), reader.GetInt16(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        var drafts = new List<PlanDraft>();
        await using (var command = _dataSource.CreateCommand($"SELECT plan_id, version, unit, hash, files::text FROM {_drafts} WHERE {where} ORDER BY version"))
        {
            Bind(command, planId, version);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                drafts.Add(new PlanDraft(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                    PlanSourceFileJson.Read(reader.GetString(4)), steps.GetValueOrDefault(reader.GetInt32(1)) ?? []));
            }
        }

        return drafts;
    }

    private static void Bind(NpgsqlCommand command, string planId, int? version)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = planId });
        if (version is { } number)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = number });
        }
    }
}
