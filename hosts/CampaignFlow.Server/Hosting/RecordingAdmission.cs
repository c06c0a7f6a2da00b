using Microsoft.Extensions.Options;
using Npgsql;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// How many recordings run at once. On PostgreSQL a recording holds a pooled connection for its units' lock while the
/// store takes another, so recordings past half the pool could each hold one and wait for a second that never comes
/// free — every one of them failing at the pool's timeout. Past the limit a recording waits here, holding nothing,
/// and one that waits longer than <see cref="ServerOptions.RecordingWaitSeconds"/> is refused with 503 and
/// Retry-After (<see cref="ServerBusyException"/>). The tick loop takes its own locks one batch at a time beside these.
/// </summary>
public sealed class RecordingAdmission : IDisposable
{
    // Connections kept free of recordings: the tick loop's lock and store connections, and readers.
    private const int ConnectionsKeptFree = 4;

    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _wait;

    /// <summary>The limit from the options: the configured one, or the safe one for the store.</summary>
    /// <param name="options">The server's options.</param>
    /// <param name="configuration">For the PostgreSQL connection string, whose pool size bounds the limit.</param>
    public RecordingAdmission(IOptions<ServerOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Limit = settings.MaxConcurrentRecordings ?? SafeLimit(settings, configuration) ?? DefaultLimit;
        _slots = new SemaphoreSlim(Limit, Limit);
        _wait = TimeSpan.FromSeconds(settings.RecordingWaitSeconds);
    }

    /// <summary>The limit when the store sets none: SQLite writes one transaction at a time anyway.</summary>
    public const int DefaultLimit = 16;

    /// <summary>How many recordings may run at once.</summary>
    public int Limit { get; }

    /// <summary>
    /// The most recordings a PostgreSQL pool can serve at once without running dry: two connections each, with a few
    /// kept free; null for SQLite.
    /// </summary>
    /// <param name="settings">The server's options.</param>
    /// <param name="configuration">For the connection string.</param>
    public static int? SafeLimit(ServerOptions settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.StoreKind != StoreKind.Postgres || configuration.GetConnectionString(ServerOptions.ConnectionStringName) is not { Length: > 0 } connection)
        {
            return null;
        }

        return PoolSize(connection) is { } pool ? Math.Max(1, (pool - ConnectionsKeptFree) / 2) : null;
    }

    /// <summary>
    /// The pool size a connection string asks for (Npgsql's default when it names none); null when the string does
    /// not parse, which opening the store reports in its own words.
    /// </summary>
    /// <param name="connection">The connection string.</param>
    public static int? PoolSize(string connection)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connection).MaxPoolSize;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Waits for a slot; the slot is given back when the result is disposed.</summary>
    /// <param name="cancellationToken">Stops the wait (the caller went away).</param>
    /// <exception cref="ServerBusyException">When no slot came free in time.</exception>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(_wait, cancellationToken).ConfigureAwait(false))
        {
            throw new ServerBusyException($"no recording slot came free within {_wait.TotalSeconds:0} s ({Limit} recordings at once)");
        }

        return new Slot(_slots);
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
