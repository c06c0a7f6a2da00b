namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The server's command line, read strictly: every switch is known, every value present, so a typo is a one-line
/// error (exit code 2) rather than a setting silently ignored. Values become configuration keys that override
/// appsettings.json and the environment.
/// </summary>
public sealed class ServerCommandLine
{
    private static readonly Dictionary<string, string> ValueSwitches = new(StringComparer.Ordinal)
    {
        ["--definitions"] = $"{ServerOptions.Section}:Definitions",
        ["--data"] = $"{ServerOptions.Section}:Data",
        ["--store"] = $"{ServerOptions.Section}:Store",
        ["--connection"] = $"ConnectionStrings:{ServerOptions.ConnectionStringName}",
        ["--rules-engine"] = $"{ServerOptions.Section}:RulesEngine",
        ["--time-zone"] = $"{ServerOptions.Section}:TimeZone",
        ["--demo-day-ms"] = $"{ServerOptions.Section}:DemoDayMilliseconds",
        ["--demo-lag-days"] = $"{ServerOptions.Section}:DemoLagDays",
        ["--demo-until"] = $"{ServerOptions.Section}:DemoUntil",
        ["--partitions"] = $"{ServerOptions.Section}:Partitions",
        ["--partition-lease-seconds"] = $"{ServerOptions.Section}:PartitionLeaseSeconds",
        ["--urls"] = "urls",
        // What the host itself understands, and what WebApplicationFactory passes.
        ["--environment"] = "environment",
        ["--contentRoot"] = "contentRoot",
        ["--applicationName"] = "applicationName",
    };

    private ServerCommandLine(IReadOnlyDictionary<string, string?> settings, IReadOnlyList<string> errors, bool help)
    {
        Settings = settings;
        Errors = errors;
        HelpAsked = help;
    }

    /// <summary>Configuration keys and values the command line sets.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>What is wrong with the command line, one line each.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>True for <c>--help</c>.</summary>
    public bool HelpAsked { get; }

    /// <summary>The usage text.</summary>
    public static string Usage => """
        Usage: CampaignFlow.Server [options]
               CampaignFlow.Server hash-token [TOKEN]    print the SHA-256 to configure for TOKEN (a new token if omitted)

        Options (each also settable in appsettings.json, as CampaignFlow__<Name> in the environment, or as
        --CampaignFlow:<Name>=VALUE, e.g. --CampaignFlow:MaxJsonBytes=2097152):
          --definitions PATH     plans, rosters and demo logs (default: definitions)
          --data PATH            data folder: the SQLite file and the generated admin token (default: data)
          --store sqlite|postgres  where campaigns are kept (default: sqlite)
          --connection STRING    PostgreSQL connection string (or ConnectionStrings__CampaignFlow)
          --rules-engine campaignflow|nrules  the engine that runs the compliance rules (default: campaignflow)
          --time-zone ZONE       the zone times are shown to people in, e.g. Asia/Urumqi (default: Asia/Shanghai)
          --urls URLS            where to listen (default: http://127.0.0.1:5080)
          --demo                 replay the seed units' demo logs on an accelerated clock, with demo tokens
          --demo-day-ms N        in the demo, real milliseconds per campaign day (default: 200)
          --demo-lag-days N      in the demo, days between a record's day and its recording (default: 3)
          --demo-until DAY       in the demo, the last day replayed (yyyy-MM-dd; default: the campaigns' end)
          --partitions N         on PostgreSQL, the partitions the units are split into among hosts (default: 64)
          --partition-lease-seconds N  on PostgreSQL, how long a host's lease on its partitions lasts (default: 30)
        """;

    /// <summary>Reads <paramref name="args"/>.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    public static ServerCommandLine Parse(IReadOnlyList<string> args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (name is "--help" or "-h" or "-?")
            {
                help = true;
            }
            else if (name == "--demo")
            {
                if (inline is not null && !bool.TryParse(inline, out _))
                {
                    errors.Add($"--demo takes no value (or =true/=false), not '{inline}'.");
                }

                settings[$"{ServerOptions.Section}:Demo"] = inline ?? "true";
            }
            else if (ValueSwitches.TryGetValue(name, out var key))
            {
                var value = inline;
                if (value is null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        errors.Add($"{name} needs a value.");
                        continue;
                    }

                    value = args[++i];
                }

                settings[key] = value;
            }
            else if (inline is not null && name.StartsWith("--", StringComparison.Ordinal) && name.Contains(':', StringComparison.Ordinal))
            {
                // Any configuration key, as .NET hosts take it: --CampaignFlow:MaxSleepSeconds=5 (also how
                // WebApplicationFactory passes its settings).
                settings[name[2..]] = inline;
            }
            else if (inline is { Length: 0 } && name.StartsWith("--", StringComparison.Ordinal))
            {
                // A section with no value of its own (--CampaignFlow=), as WebApplicationFactory writes them.
            }
            else if (arg.StartsWith('-'))
            {
                errors.Add($"unknown option '{name}'.");
                // Its value, if it has one, is not a second mistake.
                if (inline is null && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                {
                    i++;
                }
            }
            else
            {
                errors.Add($"unexpected argument '{arg}'.");
            }
        }

        return new ServerCommandLine(settings, errors, help);
    }
}
