using System.Globalization;
using CampaignFlow.Campaigns.Lifecycle;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Campaigns;

/// <summary>
/// The <see cref="IPlanDraftStore"/> in the SQLite file: table <c>plan_drafts</c> (the texts, keyed on
/// <c>(plan_id, version)</c>) and <c>plan_draft_steps</c> (the history, appended only).
/// </summary>
/// <remarks>
/// A save counts the stored steps and writes in one <c>BEGIN IMMEDIATE</c> transaction, so of two saves expecting the
/// same steps (two reviewers at once) the second finds the first's step and stores nothing.
/// </remarks>
/// <threadsafety>All members are safe for concurrent use, by this process and others on the same file.</threadsafety>
public sealed class SqlitePlanDraftStore : IPlanDraftStore
{
    private readonly SqliteConnections _connections;

    internal SqlitePlanDraftStore(SqliteConnections connections) => _connections = connections;

    /// <inheritdoc />
    public ValueTask<PlanDraft?> GetAsync(string planId, int version, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection => Read(connection, planId, version).SingleOrDefault()));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PlanDraft>> ListAsync(string planId, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<PlanDraft>>(connection => Read(connection, planId, null)));

    /// <inheritdoc />
    public ValueTask<bool> SaveAsync(PlanDraft draft, int expectedSteps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var files = PlanSourceFileJson.Write(draft.Files);
        return _connections.WriteAsync((connection, transaction) =>
        {
            using var count = connection.Command(transaction, "SELECT count(*) FROM plan_draft_steps WHERE plan_id = $plan AND version = $version;");
            count.Parameters.AddWithValue("$plan", draft.PlanId);
            count.Parameters.AddWithValue("$version", draft.Version);
            if (Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture) != expectedSteps || draft.Steps.Count < expectedSteps)
            {
                return (false, false);
            }

            using var upsert = connection.Command(transaction, """
                INSERT INTO plan_drafts (plan_id, version, unit, hash, files) VALUES ($plan, $version, $unit, $hash, $files)
                ON CONFLICT (plan_id, version) DO UPDATE SET unit = excluded.unit, hash = excluded.hash, files = excluded.files;
                """);
            upsert.Parameters.AddWithValue("$plan", draft.PlanId);
            upsert.Parameters.AddWithValue("$version", draft.Version);
            upsert.Parameters.AddWithValue("$unit", draft.Unit);
            upsert.Parameters.AddWithValue("$hash", draft.Hash);
            upsert.Parameters.AddWithValue("$files", files);
            upsert.ExecuteNonQuery();

            for (var i = expectedSteps; i < draft.Steps.Count; i++)
            {
                var step = draft.Steps[i];
                using var insert = connection.Command(transaction,
                    "INSERT INTO plan_draft_steps (plan_id, version, step, action, by_name, at, comment) VALUES ($plan, $version, $step, $action, $by, $at, $comment);");
                insert.Parameters.AddWithValue("$plan", draft.PlanId);
                insert.Parameters.AddWithValue("$version", draft.Version);
                insert.Parameters.AddWithValue("$step", i);
                insert.Parameters.AddWithValue("$action", step.Action.ToString());
                insert.Parameters.AddWithValue("$by", step.By);
                insert.Parameters.AddWithValue("$at", SqliteTime.Text(step.At));
                insert.Parameters.AddWithValue("$comment", (object?)step.Comment ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }

            return (true, true);
        }, cancellationToken);
    }

    private static List<PlanDraft> Read(SqliteConnection connection, string planId, int? version)
    {
        var where = version is null ? "plan_id = $plan" : "plan_id = $plan AND version = $version";
        var steps = new Dictionary<int, List<PlanDraftStep>>();
        using (var command = connection.Command(null, $"SELECT version, action, by_name, at, comment FROM plan_draft_steps WHERE {where} ORDER BY version, step;"))
        {
            Bind(command, planId, version);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var list = steps.TryGetValue(reader.GetInt32(0), out var found) ? found : steps[reader.GetInt32(0)] = [];
                list.Add(new PlanDraftStep(Enum.Parse<PlanDraftAction>(reader.GetString(1)), reader.GetString(2), SqliteTime.Parse(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        var drafts = new List<PlanDraft>();
        using (var command = connection.Command(null, $"SELECT plan_id, version, unit, hash, files FROM plan_drafts WHERE {where} ORDER BY version;"))
        {
            Bind(command, planId, version);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                drafts.Add(new PlanDraft(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                    PlanSourceFileJson.Read(reader.GetString(4)), steps.GetValueOrDefault(reader.GetInt32(1)) ?? []));
            }
        }

        return drafts;
    }

    private static void Bind(SqliteCommand command, string planId, int? version)
    {
        command.Parameters.AddWithValue("$plan", planId);
        if (version is { } number)
        {
            command.Parameters.AddWithValue("$version", number);
        }
    }
}
