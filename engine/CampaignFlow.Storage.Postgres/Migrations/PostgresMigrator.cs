using System.Globalization;
using System.Reflection;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Migrations;

/// <summary>
/// Applies the embedded, forward-only migration scripts (<c>Migrations/NNNN_*.sql</c>) to a schema and
/// records each in its <c>schema_version</c> table.
/// </summary>
/// <remarks>
/// Everything runs in one transaction behind <c>pg_advisory_xact_lock</c> keyed on the schema, so two
/// processes starting at once serialize: the second waits, then finds the versions already applied. DDL is
/// transactional in PostgreSQL, so a failed script leaves the schema at its previous version.
/// </remarks>
public static class PostgresMigrator
{
    // First key of the two-key advisory lock: a fixed namespace for CampaignFlow migrations, so the lock
    // cannot collide with advisory locks other software takes on the same database.
    private const int LockNamespace = 0x43464D47; // "CFMG"

    private const string ResourcePrefix = "CampaignFlow.Storage.Postgres.Migrations.";

    /// <summary>The schema version the scripts in this assembly bring a database to.</summary>
    public static int LatestVersion => Scripts.Value[^1].Version;

    private static readonly Lazy<IReadOnlyList<(int Version, string Name, string Sql)>> Scripts = new(LoadScripts);

    /// <summary>Brings <paramref name="schema"/> (created if missing) to <see cref="LatestVersion"/>.</summary>
    /// <returns>The versions this call applied; empty when the schema was already current.</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var quoted = PostgresSchema.Quote(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@ns, hashtext(@schema))", connection, transaction))
        {
            command.Parameters.AddWithValue("ns", LockNamespace);
            command.Parameters.AddWithValue("schema", schema);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(
            $"CREATE SCHEMA IF NOT EXISTS {quoted}; SET LOCAL search_path TO {quoted}; " +
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, script text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection, transaction))
        {
            current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var applied = new List<int>();
        foreach (var (version, name, sql) in Scripts.Value)
        {
            if (version <= current)
            {
                continue;
            }

            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var command = new NpgsqlCommand("INSERT INTO schema_version (version, script) VALUES (@v, @s)", connection, transaction))
            {
                command.Parameters.AddWithValue("v", version);
                command.Parameters.AddWithValue("s", name);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            applied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    private static IReadOnlyList<(int Version, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        var scripts = new List<(int Version, string Name, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            scripts.Add((version, name, Read(assembly, resource)));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            // Forward-only and gap-free: a missing number means a lost script, which must stop the start.
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 1, 2, 3… without gaps; found {scripts[i].Name} at position {i + 1}.");
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
