using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Text;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The server's settings, section <c>CampaignFlow</c>: from appsettings.json, then the environment
/// (<c>CampaignFlow__Data=/srv/cf</c>), then the command line (<see cref="ServerCommandLine"/>).
/// </summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CampaignFlow";

    /// <summary>The name of the connection string (<c>ConnectionStrings:CampaignFlow</c>) used with the PostgreSQL store.</summary>
    public const string ConnectionStringName = "CampaignFlow";

    /// <summary>The folder of plans, rosters and demo logs (<c>--definitions</c>).</summary>
    public string Definitions { get; set; } = "definitions";

    /// <summary>The data folder (<c>--data</c>): the SQLite file, and the generated admin token and token hashes.</summary>
    public string Data { get; set; } = "data";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c> (<c>--store</c>).</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>
    /// The rules engine that runs the compliance rules (<c>--rules-engine</c>): <c>campaignflow</c> (default, ours) or
    /// <c>nrules</c>; the same rules and verdicts on either.
    /// </summary>
    public string RulesEngine { get; set; } = "campaignflow";

    /// <summary>
    /// The time zone times are shown to people in — the console, the operator's log lines (<c>--time-zone</c>, an IANA id
    /// such as Asia/Urumqi); Asia/Shanghai (Beijing time) by default. Plans judge their days in their own
    /// <c>calendar.timeZone</c>.
    /// </summary>
    public string TimeZone { get; set; } = ShownTime.DefaultZone;

    /// <summary>Replays the seed units' demo logs on an accelerated clock (<c>--demo</c>).</summary>
    public bool Demo { get; set; }

    /// <summary>In the demo, how many real milliseconds one campaign day lasts (<c>--demo-day-ms</c>).</summary>
    public int DemoDayMilliseconds { get; set; } = 200;

    /// <summary>In the demo, how many days after its day each record is recorded (<c>--demo-lag-days</c>), so that
    /// some periods close before their records arrive and the violations they open resolve.</summary>
    public int DemoLagDays { get; set; } = 3;

    /// <summary>
    /// In the demo, the last day replayed (<c>--demo-until 2014-05-10</c>), so the campaigns stop in the middle, with
    /// actions open and documents waiting for approval; empty to replay to the end.
    /// </summary>
    public string? DemoUntil { get; set; }

    /// <summary><see cref="DemoUntil"/> as a day; null when empty or not a yyyy-MM-dd day (the validation says so).</summary>
    public DateOnly? DemoUntilDay =>
        DateOnly.TryParseExact(DemoUntil, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;

    /// <summary>
    /// On PostgreSQL, into how many partitions the units are split among the hosts on one database (<c>--partitions</c>,
    /// default 64): each host works the timers, catch-up and bodies of the partitions it holds a lease on. Every host
    /// of a database must use the same number (docs/adr/0022).
    /// </summary>
    public int Partitions { get; set; } = 64;

    /// <summary>
    /// On PostgreSQL, how long a host's lease on its partitions lasts, in seconds (<c>--partition-lease-seconds</c>,
    /// default 30); the host renews it every third of that, and another host takes over a dead host's partitions once
    /// it has run out.
    /// </summary>
    public int PartitionLeaseSeconds { get; set; } = 30;

    /// <summary>
    /// This host's name in partition, timer and inbox leases (<c>CampaignFlow__HostId</c>); empty: the machine's name and
    /// the process id. Two hosts on one database must not share it.
    /// </summary>
    public string? HostId { get; set; }

    /// <summary>The longest the host sleeps between two ticks, in seconds, even when nothing is due.</summary>
    public int MaxSleepSeconds { get; set; } = 60;

    /// <summary>
    /// How many units' rule sessions stay in memory at most (<c>CampaignFlow__MaxSessionsInMemory</c>); a unit used
    /// when its session is not kept is rebuilt from its stored records (the meter <c>campaignflow.sessions.rebuilt</c>
    /// says how often it happens). <see cref="MaxSessionRecordsInMemory"/> is what bounds their memory.
    /// </summary>
    public int MaxSessionsInMemory { get; set; } = 10_000;

    /// <summary>
    /// How many records the rule sessions in memory may hold between them
    /// (<c>CampaignFlow__MaxSessionRecordsInMemory</c>); the least recently used sessions go first beyond it. Lower
    /// it on a small machine, raise it when units that record often are rebuilt often.
    /// </summary>
    public long MaxSessionRecordsInMemory { get; set; } = 500_000;

    /// <summary>
    /// How many recordings run at once (<c>CampaignFlow__MaxConcurrentRecordings</c>); the others wait their turn. Unset:
    /// 16 on SQLite; on PostgreSQL as many as the connection pool serves two connections each, a few kept free
    /// ((<c>Maximum Pool Size</c> − 4) / 2, 48 with Npgsql's default pool of 100). Set higher than the pool serves,
    /// the server refuses to start.
    /// </summary>
    public int? MaxConcurrentRecordings { get; set; }

    /// <summary>
    /// How long a recording waits for its turn, in seconds (<c>CampaignFlow__RecordingWaitSeconds</c>), before it is
    /// answered 503 with Retry-After.
    /// </summary>
    public int RecordingWaitSeconds { get; set; } = 30;

    /// <summary>The largest JSON (or YAML) request body, in bytes.</summary>
    public int MaxJsonBytes { get; set; } = 1 << 20;

    /// <summary>The largest CSV import, in bytes.</summary>
    public int MaxCsvBytes { get; set; } = 10 << 20;

    /// <summary>The bearer tokens, hashed, with their roles.</summary>
    public List<ConfiguredToken> Tokens { get; set; } = [];

    /// <summary>The store as an enum; only meaningful once validated.</summary>
    public StoreKind StoreKind => string.Equals(Store, "postgres", StringComparison.OrdinalIgnoreCase) ? StoreKind.Postgres : StoreKind.Sqlite;

    /// <summary>The definitions folder as a full path (relative paths are relative to the working directory).</summary>
    public string DefinitionsPath => Path.GetFullPath(Definitions);

    /// <summary>The data folder as a full path.</summary>
    public string DataPath => Path.GetFullPath(Data);
}
