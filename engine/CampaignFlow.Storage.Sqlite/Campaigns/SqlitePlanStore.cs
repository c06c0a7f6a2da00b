using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Campaigns;

/// <summary>
/// The <see cref="IPlanStore"/> in the SQLite file: table <c>plan_versions</c>, keyed on <c>(plan_id, version)</c>,
/// with the files as one JSON array (<see cref="PlanSourceFileJson"/>).
/// </summary>
/// <remarks>
/// Publishing reads and inserts in one <c>BEGIN IMMEDIATE</c> transaction, so of two hosts publishing one
/// version at once, the second finds the first's row and is told <see cref="PublishOutcome.Unchanged"/> or
/// <see cref="PublishOutcome.Conflict"/>. A stored row is never updated.
/// </remarks>
/// <threadsafety>All members are safe for concurrent use, by this process and others on the same file.</threadsafety>
public sealed class SqlitePlanStore : IPlanStore
{
    private const string Columns = "plan_id, version, unit, hash, files, published_at";
    private readonly SqliteConnections _connections;

    internal SqlitePlanStore(SqliteConnections connections) => _connections = connections;

    /// <inheritdoc />
    public ValueTask<PublishResult> PublishAsync(PlanVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var files = PlanSourceFileJson.Write(version.Files);
        return _connections.WriteAsync((connection, transaction) =>
        {
            using var existing = connection.Command(transaction, $"SELECT {Columns} FROM plan_versions WHERE plan_id = $plan AND version = $version;");
            existing.Parameters.AddWithValue("$plan", version.PlanId);
            existing.Parameters.AddWithValue("$version", version.Version);
            using (var reader = existing.ExecuteReader())
            {
                if (reader.Read())
                {
                    var stored = Read(reader);
                    return (new PublishResult(stored.Hash == version.Hash ? PublishOutcome.Unchanged : PublishOutcome.Conflict, stored), false);
                }
            }

            using var insert = connection.Command(transaction,
                $"INSERT INTO plan_versions ({Columns}) VALUES ($plan, $version, $unit, $hash, $files, $publishedAt);");
            insert.Parameters.AddWithValue("$plan", version.PlanId);
            insert.Parameters.AddWithValue("$version", version.Version);
            insert.Parameters.AddWithValue("$unit", version.Unit);
            insert.Parameters.AddWithValue("$hash", version.Hash);
            insert.Parameters.AddWithValue("$files", files);
            insert.Parameters.AddWithValue("$publishedAt", SqliteTime.Text(version.PublishedAt));
            insert.ExecuteNonQuery();
            return (new PublishResult(PublishOutcome.Created, version), true);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<PlanVersion?> GetAsync(string planId, int version, CancellationToken cancellationToken = default) =>
        new(_connections.Read(connection =>
        {
            using var command = connection.Command(null, $"SELECT {Columns} FROM plan_versions WHERE plan_id = $plan AND version = $version;");
            command.Parameters.AddWithValue("$plan", planId);
            command.Parameters.AddWithValue("$version", version);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PlanVersion>> ListAsync(CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<PlanVersion>>(connection =>
        {
            using var command = connection.Command(null, $"SELECT {Columns} FROM plan_versions ORDER BY plan_id, version;");
            var versions = new List<PlanVersion>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                versions.Add(Read(reader));
            }

            return versions;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PlanVersion>> ListAsync(string planId, CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyList<PlanVersion>>(connection =>
        {
            using var command = connection.Command(null, $"SELECT {Columns} FROM plan_versions WHERE plan_id = $plan ORDER BY version;");
            command.Parameters.AddWithValue("$plan", planId);
            var versions = new List<PlanVersion>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                versions.Add(Read(reader));
            }

            return versions;
        }));

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, int>> HighestVersionsAsync(CancellationToken cancellationToken = default) =>
        new(_connections.Read<IReadOnlyDictionary<string, int>>(connection =>
        {
            using var command = connection.Command(null, "SELECT plan_id, MAX(version) FROM plan_versions GROUP BY plan_id;");
            var highest = new Dictionary<string, int>(StringComparer.Ordinal);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                highest[reader.GetString(0)] = reader.GetInt32(1);
            }

            return highest;
        }));

    private static PlanVersion Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), PlanSourceFileJson.Read(reader.GetString(4)), SqliteTime.Parse(reader.GetString(5)));
}
