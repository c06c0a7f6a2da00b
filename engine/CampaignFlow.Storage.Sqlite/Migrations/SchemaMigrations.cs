using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Migrations;

/// <summary>
/// Forward-only schema migrations: one embedded script per version (<c>Migrations/NNNN-what.sql</c>), applied
/// in order at open and recorded in <c>schema_version</c>.
/// </summary>
/// <remarks>
/// The check and every script run in one <c>BEGIN IMMEDIATE</c> transaction. Two processes opening the same
/// new file at once therefore queue on the write lock: the first applies the scripts, the second then finds
/// the current version and applies nothing. A failing script rolls back with everything before it in that run.
/// </remarks>
internal static class SchemaMigrations
{
    private const string ResourcePrefix = "CampaignFlow.Storage.Sqlite.Migrations.";

    /// <summary>The scripts in version order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => Scripts[^1].Version;

    /// <summary>The schema version of the database <paramref name="connection"/> is open on, without changing it; -1 when it has none.</summary>
    public static int VersionOf(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if (Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return -1;
        }

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Switches the file to WAL and brings its schema to <see cref="LatestVersion"/>. Returns how many scripts ran.</summary>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this build knows.</exception>
    public static int Apply(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            // The journal mode is a property of the file, not the connection: set once, every process sees it.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)wal.ExecuteScalar();
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for '{connection.DataSource}' (journal_mode={mode}); is the file on a network share?");
            }
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER NOT NULL PRIMARY KEY,
                script     TEXT    NOT NULL,
                applied_at TEXT    NOT NULL
            );
            SELECT COALESCE(MAX(version), 0) FROM schema_version;
            """;
        var current = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database '{connection.DataSource}' has schema version {current}, newer than this build knows ({LatestVersion}); migrations are forward-only, so use a newer build.");
        }

        var applied = 0;
        foreach (var (version, name, sql) in Scripts)
        {
            if (version <= current)
            {
                continue;
            }

            command.Parameters.Clear();
            command.CommandText = sql;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO schema_version (version, script, applied_at) VALUES ($version, $script, $at);";
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$script", name);
            command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
            applied++;
        }
        transaction.Commit();
        return applied;
    }

    private static List<(int Version, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var scripts = new List<(int Version, string Name, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('-', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
            scripts.Add((version, name, Read(assembly, resource)));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            // Versions are 1, 2, 3… with no gap or duplicate, so "apply everything above the current one" is well defined.
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 1, 2, 3… without gaps; found {string.Join(", ", scripts.Select(s => s.Name))}.");
            }
        }
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
