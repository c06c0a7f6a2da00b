using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace CampaignFlow.Testing.Postgres;

/// <summary>
/// A PostgreSQL server of our own for one test run: initdb into a temp folder, a free port, pg_ctl start,
/// one database; stopped with <c>pg_ctl stop -m immediate</c> and the folder removed at the end.
/// </summary>
/// <remarks>
/// <para>
/// Use it as an xunit collection fixture. xunit only finds collection definitions in the test assembly
/// itself, so each test project declares its own (three lines):
/// <code>
/// [CollectionDefinition(Name)]
/// public sealed class PostgresCollection : ICollectionFixture&lt;PrivatePostgresServer&gt; { public const string Name = "postgres"; }
/// </code>
/// </para>
/// <para>
/// initdb and postgres refuse to run as root, and CI runs as root: there the binaries run as the
/// <c>postgres</c> user the Debian package creates (via runuser), in a folder owned by that user. Anyone
/// else runs them as themselves. When no server can be had, <see cref="InitializeAsync"/> throws, so every
/// test in the collection fails with the reason: they never skip, in CI or out of it.
/// </para>
/// <para>
/// A test host killed before it could stop its server (a cancelled run, a debugger stopped) leaves a running
/// postgres and a folder behind. Each folder holds the owning process's id and start time
/// (<see cref="OwnerFileName"/>); every new fixture first stops and deletes the servers whose owner is gone.
/// </para>
/// </remarks>
public sealed class PrivatePostgresServer : IAsyncLifetime
{
    /// <summary>The prefix of every private server's folder under the temp folder.</summary>
    public const string FolderPrefix = "campaignflow-pg-";

    /// <summary>The file in a server's folder naming the process that owns it: "pid start-time-ticks".</summary>
    public const string OwnerFileName = "owner.pid";

    private const string ServiceUser = "postgres";
    private const string Database = "campaignflow_tests";
    private static readonly bool IsRoot = Environment.UserName == "root";

    // A folder without an owner file is either being created right now or left by an older fixture; only
    // the second is old.
    private static readonly TimeSpan OwnerlessGrace = TimeSpan.FromMinutes(10);

    private string _folder = "";
    private string _bin = "";
    private string _serverOptions = "";
    private bool _started;
    private int _schemaCounter;
    private int _databaseCounter;

    /// <summary>The server's folder (data, log, socket and owner file); removed when the fixture is disposed.</summary>
    public string Folder => _folder;

    /// <summary>The test database's connection string.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A pooled data source over the test database, shared by the tests.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>How long the server took to come up (initdb + start + create database).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The folders of dead owners this fixture stopped and removed before starting its own server.</summary>
    public IReadOnlyList<string> RemovedOrphans { get; private set; } = [];

    /// <summary>Removes orphaned servers, then starts this run's server and creates the test database.</summary>
    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        _bin = FindBinaries();
        RemovedOrphans = await RemoveOrphansAsync(Path.GetTempPath(), _bin);

        _folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, OwnerFileName), OwnerLine(Process.GetCurrentProcess()));
        if (IsRoot)
        {
            await RunAsync(_folder, "chown", [ServiceUser + ":", _folder], asServiceUser: false);
        }

        var data = Path.Combine(_folder, "data");
        var superuser = IsRoot ? ServiceUser : Environment.UserName;
        await RunAsync(_folder, Path.Combine(_bin, "initdb"), ["-D", data, "-U", superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], IsRoot);

        // The port is free when we look; another process could take it before postgres binds, so retry.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            try
            {
                _serverOptions = $"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c max_connections=200";
                await StartServerAsync(data);
                _started = true;
                ConnectionString = $"Host=127.0.0.1;Port={port};Username={superuser};Database={Database};Maximum Pool Size=60;Timeout=30";
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }

        await CreateDatabaseNamedAsync(Database);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        StartupTime = stopwatch.Elapsed;
    }

    /// <summary>Stops the server (immediate mode: nothing of it is kept) and removes its folder.</summary>
    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        // The folder may be gone already: another fixture judged this one orphaned and stopped the server.
        if (_started && Directory.Exists(_folder))
        {
            try
            {
                await RunAsync(_folder, Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "stop", "-m", "immediate", "-w"], IsRoot);
            }
            catch (InvalidOperationException)
            {
                // Still remove the folder; a stop failure is in the server log, which goes with it.
            }
        }
        if (_folder.Length > 0 && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// Kills the server the way a power cut would (<c>pg_ctl stop -m immediate</c>: no checkpoint, no flush)
    /// and starts it again on the same folder and port, so it must recover from its write-ahead log.
    /// </summary>
    public async Task CrashAndRestartAsync()
    {
        var data = Path.Combine(_folder, "data");
        await RunAsync(_folder, Path.Combine(_bin, "pg_ctl"), ["-D", data, "stop", "-m", "immediate", "-w"], IsRoot);
        _started = false;
        await StartServerAsync(data);
        _started = true;
        DataSource.Clear();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A schema name never used before in this run (for a test that wants its own tables in the shared database).</summary>
    public string NewSchemaName() => $"t{Interlocked.Increment(ref _schemaCounter)}_{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates a new, empty database on the server and returns its connection string (for a test that wants a whole database, e.g. a host using the default schema).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"db{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid().ToString("N")[..8]}";
        await CreateDatabaseNamedAsync(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Stops (immediate mode) and deletes every private server folder under <paramref name="tempFolder"/> whose
    /// owning process is gone, and ownerless folders older than ten minutes. Returns the folders removed.
    /// A folder that cannot be removed is left for the next run; this never fails the caller.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RemoveOrphansAsync(string tempFolder, string binaries)
    {
        var removed = new List<string>();
        if (!Directory.Exists(tempFolder))
        {
            return removed;
        }

        foreach (var folder in Directory.GetDirectories(tempFolder, FolderPrefix + "*"))
        {
            if (!IsOrphan(folder))
            {
                continue;
            }

            try
            {
                var data = Path.Combine(folder, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    try
                    {
                        await RunAsync(folder, Path.Combine(binaries, "pg_ctl"), ["-D", data, "stop", "-m", "immediate", "-w", "-t", "30"], IsRoot);
                    }
                    catch (InvalidOperationException)
                    {
                        // Not running any more (a stale postmaster.pid): nothing to stop, only a folder to delete.
                    }
                }
                Directory.Delete(folder, recursive: true);
                removed.Add(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another fixture removing the same orphan right now, or a file we may not touch: next run.
            }
        }
        return removed;
    }

    /// <summary>The owner line for a process: its id and start time, so a reused id is not taken for the owner.</summary>
    public static string OwnerLine(Process process) => $"{process.Id} {process.StartTime.ToUniversalTime().Ticks}";

    private static bool IsOrphan(string folder)
    {
        var ownerFile = Path.Combine(folder, OwnerFileName);
        string line;
        try
        {
            if (!File.Exists(ownerFile))
            {
                return DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) > OwnerlessGrace;
            }

            line = File.ReadAllText(ownerFile).Trim();
        }
        catch (IOException)
        {
            return false;
        }

        var parts = line.Split(' ');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var pid) || !long.TryParse(parts[1], out var startTicks))
        {
            return false;
        }

        try
        {
            using var owner = Process.GetProcessById(pid);
            // Same id and the same start time (to the second: the value is read from /proc in jiffies) is the owner.
            return Math.Abs(owner.StartTime.ToUniversalTime().Ticks - startTicks) > TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while we looked
        }
    }

    private async Task CreateDatabaseNamedAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    // Same options every time: pg_ctl start does not reuse the previous run's (only restart does).
    private Task StartServerAsync(string data) =>
        RunAsync(_folder, Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", _serverOptions, "start"], IsRoot);

    /// <summary>The newest installed PostgreSQL's bin folder (Debian layout), or an exception saying how to install one.</summary>
    public static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .ToList()
            : [];
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                "No PostgreSQL binaries in /usr/lib/postgresql/*/bin (initdb, pg_ctl). The PostgreSQL tests start a private server " +
                "from them and never skip. Run scripts/prerequisites.sh as root (it installs the Debian package postgresql), or " +
                "apt-get install -y postgresql.");
        }
        return candidates[0];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string folder, string file, IReadOnlyList<string> arguments, bool asServiceUser)
    {
        var info = new ProcessStartInfo(asServiceUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server user must be able to enter the working directory; the test folder is not theirs.
            WorkingDirectory = folder,
        };
        if (asServiceUser)
        {
            foreach (var a in new[] { "-u", ServiceUser, "--", file })
            {
                info.ArgumentList.Add(a);
            }
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(folder, "server.log");
            throw new InvalidOperationException(
                $"Private PostgreSQL server: '{info.FileName} {string.Join(' ', info.ArgumentList)}' exited with {process.ExitCode}" +
                (IsRoot ? " (running as root, so PostgreSQL runs as the 'postgres' user via runuser)" : "") + ".\n" +
                await stdout + await stderr + (File.Exists(log) ? "\nserver log:\n" + await File.ReadAllTextAsync(log) : ""));
        }
    }
}
