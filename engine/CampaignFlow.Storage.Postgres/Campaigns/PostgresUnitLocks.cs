using CampaignFlow.Campaigns.Storage;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Campaigns;

/// <summary>
/// Unit locks shared by every host on one PostgreSQL database: a session-level advisory lock per unit, held on a pooled
/// connection of its own for as long as the unit is judged. A host that dies holding one loses it with its connection.
/// </summary>
/// <remarks>
/// The key is (a fixed namespace, <c>hashtext(schema:unit)</c>); two units whose names hash alike share a lock, which
/// only makes them wait for each other. The namespace is not the record store's, whose transaction-level lock a host takes
/// on another connection while it holds this one.
/// </remarks>
/// <threadsafety>Safe for concurrent use; each lock taken alone takes its own pooled connection, many taken at once share one.</threadsafety>
/// <param name="dataSource">The connection pool (the stores' own); the caller owns it.</param>
/// <param name="schema">The stores' schema: hosts on other schemas of the database do not share these locks.</param>
public sealed class PostgresUnitLocks(NpgsqlDataSource dataSource, string schema = PostgresCampaignStores.DefaultSchema) : IUnitLocks
{
    // First key of the two-key advisory lock: a fixed namespace for judging a unit ("CFUL").
    private const int LockNamespace = 0x4346554C;

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> LockAsync(string unit, CancellationToken cancellationToken = default) =>
        (await TakeAsync(unit, "SELECT true FROM (SELECT pg_advisory_lock($1, hashtext($2))) AS waited", cancellationToken).ConfigureAwait(false))!;

    /// <inheritdoc />
    public ValueTask<IAsyncDisposable?> TryLockAsync(string unit, CancellationToken cancellationToken = default) =>
        TakeAsync(unit, "SELECT pg_try_advisory_lock($1, hashtext($2))", cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// All on one pooled connection, in one statement each way: a session holds any number of advisory locks. They are
    /// taken in the order of their keys, not of the units' names, so two units whose names hash alike (one lock) cannot
    /// put two callers' orders at odds; each key once.
    /// </remarks>
    public async ValueTask<HeldUnitLocks> LockManyAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var prefix = schema + ":";
        var all = units.ToArray();
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The subquery's rows come sorted and the outer select takes each lock as it reads them, waiting in key order.
            await using var command = new NpgsqlCommand(
                "SELECT count(pg_advisory_lock($1, k)) FROM (SELECT DISTINCT hashtext($3 || u) AS k FROM unnest($2::text[]) AS u ORDER BY k) AS keys", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = LockNamespace });
            command.Parameters.Add(new NpgsqlParameter { Value = all });
            command.Parameters.Add(new NpgsqlParameter { Value = prefix });
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A wait cancelled or failed half-way keeps the locks it took (a session's advisory locks outlive a failed
            // statement), and the pool would reset the connection only when it is next used: released now.
            await ReleaseAllAsync(connection).ConfigureAwait(false);
            throw;
        }

        return new HeldUnitLocks(all, () => UnlockAndCloseAsync(connection,
            "SELECT count(pg_advisory_unlock($1, k)) FROM (SELECT DISTINCT hashtext($3 || u) AS k FROM unnest($2::text[]) AS u) AS keys", LockNamespace, all, prefix));
    }

    /// <inheritdoc />
    /// <remarks>All on one pooled connection, in one statement each way: a session holds any number of advisory locks.</remarks>
    public async ValueTask<HeldUnitLocks> TryLockManyAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var prefix = schema + ":";
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var taken = new List<string>();
        try
        {
            await using var command = new NpgsqlCommand("SELECT u FROM unnest($2::text[]) AS u WHERE pg_try_advisory_lock($1, hashtext($3 || u))", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = LockNamespace });
            command.Parameters.Add(new NpgsqlParameter { Value = units.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = prefix });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                taken.Add(reader.GetString(0));
            }
        }
        catch
        {
            // What it took goes with the session: a connection returned to the pool is reset (DISCARD ALL) before reuse.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new HeldUnitLocks(taken, () => UnlockAndCloseAsync(connection,
            "SELECT pg_advisory_unlock($1, hashtext($3 || u)) FROM unnest($2::text[]) AS u", LockNamespace, taken.ToArray(), prefix));
    }

    // A wait that failed half-way may hold some of its locks; the connection is this call's alone.
    private static ValueTask ReleaseAllAsync(NpgsqlConnection connection) => UnlockAndCloseAsync(connection, "SELECT pg_advisory_unlock_all()");

    /// <summary>Runs an unlock statement on the connection that holds the locks, then gives the connection back.</summary>
    private static async ValueTask UnlockAndCloseAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection broke: its session, and the locks with it, ended on the server.
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<IAsyncDisposable?> TakeAsync(string unit, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var key = schema + ":" + unit;
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = LockNamespace });
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return new Held(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private sealed class Held(NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => UnlockAndCloseAsync(connection, "SELECT pg_advisory_unlock($1, hashtext($2))", LockNamespace, key);
    }
}
