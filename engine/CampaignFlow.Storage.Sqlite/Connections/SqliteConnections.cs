using System.Collections.Concurrent;
using System.Globalization;
using CampaignFlow.Storage.Sqlite.Migrations;
using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Connections;

/// <summary>
/// The connections of one store client: a single writer connection behind an async gate, and a small pool
/// of reader connections. Each connection is configured once (busy timeout, synchronous) when opened.
/// </summary>
/// <remarks>
/// SQLite admits one writer per database file. Queuing this client's writes on a gate, instead of letting
/// its threads collide in SQLite's busy handler (which sleeps and polls), keeps in-process contention cheap
/// and fair; other processes are still kept out by the file lock, waited for with <c>busy_timeout</c>.
/// Readers never block the writer in WAL mode, so they get their own connections.
/// </remarks>
internal sealed class SqliteConnections : IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteWorkflowStoreOptions _options;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteConnection> _idleReaders = [];
    private SqliteConnection? _writer;
    private bool _disposed;

    public SqliteConnections(string databasePath, SqliteWorkflowStoreOptions options, bool readOnly = false)
    {
        DatabasePath = databasePath;
        _options = options;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            // This class is the pool: Microsoft.Data.Sqlite's own pool is shared per connection string across
            // the process, which would blur two store clients on one file into one and keep files open after Dispose.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// The connections of a new client of the database at <paramref name="databasePath"/>, after creating the file
    /// and its folder when missing (on Unix readable by their owner only: the folder 0700, the file 0600), switching
    /// it to WAL and applying the migrations it lacks.
    /// </summary>
    public static SqliteConnections OpenDatabase(string databasePath, SqliteWorkflowStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = System.IO.Path.GetFullPath(databasePath);
        CreateOwnerOnly(fullPath);
        var connections = new SqliteConnections(fullPath, options);
        try
        {
            using (var connection = connections.Open())
            {
                SchemaMigrations.Apply(connection);
                // Statistics for the planner and for SqliteViolationStore's choice of scan (sqlite_stat1): analyses
                // what has never been analysed or has changed much since, each table sampled, so opening stays cheap.
                using var optimize = connection.CreateCommand();
                optimize.CommandText = "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;";
                optimize.ExecuteNonQuery();
            }

            return connections;
        }
        catch
        {
            connections.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The connections of a read-only client of the database at <paramref name="databasePath"/>, which must exist and
    /// have this build's schema: nothing is created, migrated or switched, so a reader can never change the file a
    /// server owns (a write through these connections fails in SQLite).
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="databasePath"/>.</exception>
    /// <exception cref="InvalidOperationException">The file is not a CampaignFlow store, or its schema is not this build's.</exception>
    public static SqliteConnections OpenExisting(string databasePath, SqliteWorkflowStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = System.IO.Path.GetFullPath(databasePath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"there is no database at '{fullPath}'", fullPath);
        }

        var connections = new SqliteConnections(fullPath, options, readOnly: true);
        try
        {
            using (var connection = connections.Open())
            {
                var version = SchemaMigrations.VersionOf(connection);
                if (version != SchemaMigrations.LatestVersion)
                {
                    throw new InvalidOperationException(version < 0
                        ? $"'{fullPath}' is not a CampaignFlow store (it has no schema_version table)"
                        : $"'{fullPath}' has schema version {version}, this build reads {SchemaMigrations.LatestVersion}; open it once with a server of this build");
                }
            }

            return connections;
        }
        catch
        {
            connections.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates the database's folder and an empty database file, each its owner's only, when they are missing. SQLite
    /// would create the file 0644, and it creates -wal and -shm with the database file's mode, so a file made 0600
    /// first keeps all three from other users. Created so, never narrowed afterwards, there is no moment they are
    /// readable; files and folders that exist keep the mode their owner gave them.
    /// </summary>
    private static void CreateOwnerOnly(string fullPath)
    {
        var folder = System.IO.Path.GetDirectoryName(fullPath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (File.Exists(fullPath))
        {
            return;
        }

        try
        {
            // An empty file is an empty database to SQLite.
            using var _ = new FileStream(fullPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another client of the same file created it first: it is theirs, with the mode they gave it.
        }
    }

    /// <summary>Opens a new configured connection (used for the writer, readers and migrations).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var synchronous = _options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
            var busyMs = ((long)_options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = {synchronous};";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction (<c>BEGIN IMMEDIATE</c>) on the writer; commits unless it throws or asks to roll back.</summary>
    public async ValueTask<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, (T Result, bool Commit)> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // IMMEDIATE takes the database's write lock up front, so a transaction that reads and then writes
            // can never fail half-way on a lock upgrade: everything it read stays true until it commits.
            // Opened on first use, so a store's writer never predates the migrations that switch the file to WAL.
            _writer ??= Open();
            using var transaction = _writer.BeginTransaction(deferred: false);
            var (result, commit) = work(_writer, transaction);
            if (commit)
            {
                transaction.Commit();
            }
            else
            {
                transaction.Rollback();
            }

            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a reader connection (autocommit: each statement sees the latest committed data).</summary>
    public T Read<T>(Func<SqliteConnection, T> work)
    {
        var connection = RentReader();
        try
        {
            return work(connection);
        }
        finally
        {
            ReturnReader(connection);
        }
    }

    /// <summary>
    /// A reader connection for a caller that reads across awaits (a streamed export); it must come back through
    /// <see cref="ReturnReader"/>, with no transaction open.
    /// </summary>
    public SqliteConnection RentReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _idleReaders.TryTake(out var idle) ? idle : Open();
    }

    /// <summary>Gives back a connection from <see cref="RentReader"/>: kept idle for the next reader, or closed.</summary>
    public void ReturnReader(SqliteConnection connection)
    {
        if (_disposed || _idleReaders.Count >= _options.MaxIdleReaders)
        {
            connection.Dispose();
        }
        else
        {
            _idleReaders.Add(connection);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer?.Dispose();
        while (_idleReaders.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _writeGate.Dispose();
    }
}
