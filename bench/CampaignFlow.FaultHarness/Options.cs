using System.Globalization;

namespace CampaignFlow.FaultHarness;

/// <summary>The kill loop's options.</summary>
/// <param name="ServerDll">The built server (hosts/CampaignFlow.Server's CampaignFlow.Server.dll).</param>
/// <param name="Repository">The repository root (its definitions/ are run and its demo logs are the load).</param>
/// <param name="Store">Where the hosts keep their state: <c>sqlite</c> (one host on one file) or <c>postgres</c> (hosts sharing one database of a private server).</param>
/// <param name="Hosts">How many servers share the store and the load (1 on SQLite; 2 by default on PostgreSQL).</param>
/// <param name="Kills">How many times a host is SIGKILLed.</param>
/// <param name="Seed">The random seed (batch sizes, kill moments, which host, retries).</param>
/// <param name="MaxMinutes">The bound on the whole run.</param>
/// <param name="Keep">Keep the temp folder (databases, logs).</param>
internal sealed record Options(string ServerDll, string Repository, string Store, int Hosts, int Kills, int Seed, double MaxMinutes, bool Keep)
{
    public static Options? Parse(string[] args)
    {
        string? server = null;
        int? hosts = null;
        var repository = Directory.GetCurrentDirectory();
        var (store, kills, seed, minutes, keep) = ("sqlite", 20, Environment.TickCount & 0xFFFF, 15.0, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--server": server = Path.GetFullPath(Next()); break;
                case "--repository": repository = Path.GetFullPath(Next()); break;
                case "--store": store = Next(); break;
                case "--hosts": hosts = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--kills": kills = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--max-minutes": minutes = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--keep": keep = true; break;
                default: return null;
            }
        }

        // Several hosts on one SQLite file is not a supported deployment (one writer per file), so it is not tested.
        var hostCount = hosts ?? (store == "postgres" ? 2 : 1);
        var valid = server is not null && File.Exists(server) && Directory.Exists(Path.Combine(repository, "definitions"))
            && (store == "postgres" ? hostCount >= 1 : store == "sqlite" && hostCount == 1);
        return valid ? new Options(server!, repository, store, hostCount, kills, seed, minutes, keep) : null;
    }
}
