using System.Globalization;

namespace CampaignFlow.CampaignHarness;

/// <summary>The harness's options.</summary>
/// <param name="Units">Units generated in the organisation file (魏都区委 runs besides them).</param>
/// <param name="Store"><c>sqlite</c> or <c>postgres</c> (a private server for the run).</param>
/// <param name="Gaps">The share of units, 0 to 1, that miss or short one requirement of the first link.</param>
/// <param name="Seed">The seed of the generator: the same seed, the same records.</param>
/// <param name="Clients">Parallel posting clients.</param>
/// <param name="ExtraPerWeek">Records beyond the requirements each unit makes per week after the first link (mean).</param>
/// <param name="Definitions">The repository's definitions folder, with 魏都区委's plan and the templates.</param>
/// <param name="Keep">Keep the temp folder (definitions, data, server log).</param>
/// <param name="Intake">Instead of the campaign, post every generated record at once, this many per POST (null: the campaign).</param>
/// <param name="AcrossUnits">With <see cref="Intake"/>: each POST a CSV of many units' records to <c>POST /records</c> instead of one unit's JSON.</param>
/// <param name="Hosts">Servers sharing the PostgreSQL database (more than one only on PostgreSQL, and only for the campaign).</param>
/// <param name="WeeklyFiles">In the campaign: each week's records of every unit posted as CSV files of up to this many records to <c>POST /records</c>, as bodies' offices upload their units' weeks (null: each unit posts its own week).</param>
/// <param name="Rate">With <see cref="Intake"/> (one unit's records a POST): records posted per second at a fixed rate, <see cref="Clients"/> the most calls in flight (null: as fast as the clients can).</param>
/// <param name="HostProcesses">With <see cref="Hosts"/>: the hosts beside the first each in a process of its own rather than in the harness's.</param>
/// <param name="SessionBudget">The host's <c>MaxSessionRecordsInMemory</c> (null: the server's default), to measure units whose sessions are evicted.</param>
/// <param name="WarmupSeconds">With <see cref="Rate"/>: the first seconds of posting, whose calls are reported apart (cold) from the rest (steady).</param>
internal sealed record HarnessOptions(int Units, string Store, double Gaps, int Seed, int Clients, double ExtraPerWeek, string Definitions, bool Keep, int? Intake = null, bool AcrossUnits = false, int Hosts = 1, int? WeeklyFiles = null, double? Rate = null, long? SessionBudget = null, bool HostProcesses = false, double WarmupSeconds = 0)
{
    public const string Usage =
        "usage: CampaignFlow.CampaignHarness [--units 1000] [--store sqlite|postgres] [--gaps 10%] [--seed 2014] [--clients 4] [--extra-per-week 0.5] [--definitions PATH] [--keep] [--intake RECORDS-PER-POST [--across-units | --rate RECORDS-PER-SECOND [--warmup-seconds S]] | --weekly-files RECORDS-PER-FILE] [--hosts N (postgres) [--host-processes]] [--session-budget RECORDS]";

    /// <summary>Reads the command line; null when it is wrong.</summary>
    public static HarnessOptions? Parse(string[] args)
    {
        var (units, store, gaps, seed, clients, extra, keep) = (1000, "sqlite", 0.10, 2014, 4, 0.5, false);
        int? intake = null;
        int? weeklyFiles = null;
        double? rate = null;
        var acrossUnits = false;
        var hosts = 1;
        var hostProcesses = false;
        long? sessionBudget = null;
        var warmup = 0.0;
        string? definitions = null;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--units": units = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--store": store = Next(); break;
                    case "--gaps": gaps = Share(Next()); break;
                    case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--clients": clients = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--extra-per-week": extra = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--definitions": definitions = Path.GetFullPath(Next()); break;
                    case "--keep": keep = true; break;
                    case "--intake": intake = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--across-units": acrossUnits = true; break;
                    case "--rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--weekly-files": weeklyFiles = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--hosts": hosts = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--host-processes": hostProcesses = true; break;
                    case "--warmup-seconds": warmup = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--session-budget": sessionBudget = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                    default: return null;
                }
            }
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }

        definitions ??= FindDefinitions(Directory.GetCurrentDirectory());
        var valid = units >= 1 && store is "sqlite" or "postgres" && gaps is >= 0 and <= 1 && clients >= 1 && extra is >= 0 and <= 20 && definitions is not null && intake is null or >= 1 && (!acrossUnits || intake is not null)
            && (hosts == 1 || (hosts is > 1 and <= 8 && store == "postgres" && intake is null))
            && (weeklyFiles is null || (weeklyFiles >= 1 && intake is null && hosts == 1))
            && (rate is null || (rate > 0 && intake is not null && !acrossUnits)) && sessionBudget is null or >= 1
            && (!hostProcesses || hosts > 1)
            && (warmup == 0 || (warmup > 0 && rate is not null));
        return valid ? new HarnessOptions(units, store, gaps, seed, clients, extra, definitions!, keep, intake, acrossUnits, hosts, weeklyFiles, rate, sessionBudget, hostProcesses, warmup) : null;
    }

    // "10%" or "0.1".
    private static double Share(string text) => text.EndsWith('%')
        ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100
        : double.Parse(text, CultureInfo.InvariantCulture);

    // The first definitions/ walking up from the working directory, so the command works from the root or the project.
    private static string? FindDefinitions(string from)
    {
        for (var folder = new DirectoryInfo(from); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "definitions");
            if (Bench.Units.TreeUnits.HasSources(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
