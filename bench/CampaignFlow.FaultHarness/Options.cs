using System.Globalization;

namespace CampaignFlow.FaultHarness;

/// <summary>The kill loop's options.</summary>
/// <param name="ServerDll">The built server (hosts/CampaignFlow.Server's CampaignFlow.Server.dll).</param>
/// <param name="Repository">The repository root (its definitions/ are run and its demo logs are the load).</param>
/// <param name="Kills">How many times the host is SIGKILLed.</param>
/// <param name="Seed">The random seed (batch sizes, kill moments, retries).</param>
/// <param name="MaxMinutes">The bound on the whole run.</param>
/// <param name="Keep">Keep the temp folder (databases, logs).</param>
internal sealed record Options(string ServerDll, string Repository, int Kills, int Seed, double MaxMinutes, bool Keep)
{
    public static Options? Parse(string[] args)
    {
        string? server = null;
        var repository = Directory.GetCurrentDirectory();
        var (kills, seed, minutes, keep) = (20, Environment.TickCount & 0xFFFF, 15.0, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--server": server = Path.GetFullPath(Next()); break;
                case "--repository": repository = Path.GetFullPath(Next()); break;
                case "--kills": kills = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--max-minutes": minutes = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--keep": keep = true; break;
                default: return null;
            }
        }

        return server is null || !File.Exists(server) || !Directory.Exists(Path.Combine(repository, "definitions")) ? null : new Options(server, repository, kills, seed, minutes, keep);
    }
}
