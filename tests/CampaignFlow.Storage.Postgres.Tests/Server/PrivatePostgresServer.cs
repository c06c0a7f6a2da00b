using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CampaignFlow.Storage.Postgres.Workflows;
using Npgsql;

namespace CampaignFlow.Storage.Postgres.Tests.Server;

/// <summary>
/// A PostgreSQL server of our own for one test run: initdb into a temp folder, a free port, pg_ctl start,
/// one database; stopped with <c>pg_ctl stop -m immediate</c> and the folder removed at the end.
/// </summary>
/// <remarks>
/// initdb and postgres refuse to run as root, and CI runs as root: there the binaries run as the
/// <c>postgres</c> user the Debian package creates (via runuser), in a folder owned by that user. Anyone
/// else runs them as themselves. When no server can be had, <see cref="InitializeAsync"/> throws, so every
/// test in the collection fails with the reason: they never skip, in CI or out of it.
/// </remarks>
public sealed class PrivatePostgresServer : IAsyncLifetime
{
    private const string ServiceUser = "postgres";
    private const string Database = "campaignflow_tests";
    private static readonly bool IsRoot = Environment.UserName == "root";

    private string _folder = "";
    private string _bin = "";
    private string _serverOptions = "";
    private bool _started;
    private int _schemaCounter;

    /// <summary>The test database's connection string.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A pooled data source over the test database, shared by the tests.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>How long the server took to come up (initdb + start + create database).</summary>
    public TimeSpan StartupTime { get; private set; }

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        _bin = FindBinaries();
        _folder = Path.Combine(Path.GetTempPath(), "campaignflow-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        if (IsRoot)
            await RunAsync("chown", [ServiceUser + ":", _folder], asServiceUser: false);

        var data = Path.Combine(_folder, "data");
        var superuser = IsRoot ? ServiceUser : Environment.UserName;
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], IsRoot);

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

        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        StartupTime = stopwatch.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
            await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "stop", "-m", "immediate", "-w"], IsRoot);
            }
            catch (InvalidOperationException)
            {
                // Still remove the folder; a stop failure is in the server log, which goes with it.
            }
        }
        if (_folder.Length > 0 && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// Kills the server the way a power cut would (<c>pg_ctl stop -m immediate</c>: no checkpoint, no flush)
    /// and starts it again on the same folder and port, so it must recover from its write-ahead log.
    /// </summary>
    public async Task CrashAndRestartAsync()
    {
        var data = Path.Combine(_folder, "data");
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "stop", "-m", "immediate", "-w"], IsRoot);
        _started = false;
        await StartServerAsync(data);
        _started = true;
        DataSource.Clear();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A fresh, empty, migrated schema with a store over it.</summary>
    public PostgresWorkflowStore CreateStore() =>
        PostgresWorkflowStore.OpenAsync(DataSource, NewSchemaName()).GetAwaiter().GetResult();

    /// <summary>A schema name never used before in this run.</summary>
    public string NewSchemaName() => $"t{Interlocked.Increment(ref _schemaCounter)}_{Guid.NewGuid().ToString("N")[..8]}";

    // Same options every time: pg_ctl start does not reuse the previous run's (only restart does).
    private Task StartServerAsync(string data) =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", _serverOptions, "start"], IsRoot);

    private static string FindBinaries()
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
                "No PostgreSQL binaries in /usr/lib/postgresql/*/bin (initdb, pg_ctl). The PostgreSQL store tests start a private server " +
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

    private async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asServiceUser)
    {
        var info = new ProcessStartInfo(asServiceUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server user must be able to enter the working directory; the test folder is not theirs.
            WorkingDirectory = _folder,
        };
        if (asServiceUser)
        {
            foreach (var a in new[] { "-u", ServiceUser, "--", file })
                info.ArgumentList.Add(a);
        }
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"Private PostgreSQL server: '{info.FileName} {string.Join(' ', info.ArgumentList)}' exited with {process.ExitCode}" +
                (IsRoot ? " (running as root, so PostgreSQL runs as the 'postgres' user via runuser)" : "") + ".\n" +
                await stdout + await stderr + (File.Exists(log) ? "\nserver log:\n" + await File.ReadAllTextAsync(log) : ""));
        }
    }
}
