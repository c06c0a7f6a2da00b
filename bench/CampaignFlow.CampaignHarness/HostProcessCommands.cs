using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CampaignFlow.Server.Hosting;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// The other end of <see cref="HostProcess"/>: in a process started with <see cref="Argument"/>, one host on its own
/// clock, moved by the lines its harness writes (<c>tick INSTANT</c>, <c>stop</c>) and answering each on standard output.
/// </summary>
internal static class HostProcessCommands
{
    /// <summary>The command line that starts a process as a host.</summary>
    public const string Argument = "--serve-host";

    /// <summary>Serves until told to stop (exit 0) or until the harness goes away (exit 1).</summary>
    public static async Task<int> ServeAsync()
    {
        var first = await Console.In.ReadLineAsync() ?? throw new InvalidOperationException("no start line on standard input");
        var start = JsonSerializer.Deserialize<HostProcessStart>(first) ?? throw new InvalidOperationException("an empty start line");
        var host = await InProcessHost.StartAsync(start.Definitions, start.Data, start.Settings, start.Token, new VirtualClock(start.At), start.HostId);
        try
        {
            Answer(string.Create(CultureInfo.InvariantCulture, $"ready {host.Address} {host.StartTime.TotalSeconds:F3}"));
            for (var line = await Console.In.ReadLineAsync(); line is not null; line = await Console.In.ReadLineAsync())
            {
                if (line.StartsWith("tick ", StringComparison.Ordinal))
                {
                    await host.MoveAndTickAsync(DateTimeOffset.Parse(line["tick ".Length..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), CancellationToken.None);
                    Answer("ticked");
                }
                else if (line == "stop")
                {
                    await host.DisposeAsync();
                    Answer(string.Create(CultureInfo.InvariantCulture, $"stopped {Process.GetCurrentProcess().PeakWorkingSet64}"));
                    return 0;
                }
                else
                {
                    throw new InvalidOperationException($"unknown command \"{line}\"");
                }
            }

            return 1;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static void Answer(string text) => Console.Out.WriteLine(HostProcess.Mark + text);
}
